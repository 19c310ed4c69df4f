using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of film–actor links become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class FilmActorDeleteTransform : Transform<FilmActor, FilmActor>
{
    public override string Name => "silver_film_actor_delete";

    public override TransformDefinition<FilmActor, FilmActor> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.FilmActor>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<FilmActor>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.ActorId == s.ActorId && b.FilmId == s.FilmId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.ActorId == b.ActorId && n.FilmId == b.FilmId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new FilmActor
        {
            ActorId = s.ActorId,
            FilmId = s.FilmId,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
