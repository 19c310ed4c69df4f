using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of actors become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class ActorDeleteTransform : Transform<Actor, Actor>
{
    public override string Name => "silver_actor_delete";

    public override TransformDefinition<Actor, Actor> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Actor>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Actor>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.ActorId == s.ActorId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.ActorId == b.ActorId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Actor
        {
            ActorId = s.ActorId,
            FirstName = s.FirstName,
            LastName = s.LastName,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
