using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver film–actor links: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class FilmActorTransform : Transform<B.FilmActor, FilmActor>
{
    public override string Name => "silver_film_actor";

    public override TransformDefinition<B.FilmActor, FilmActor> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.FilmActor>();
        var silver = sources.Set<FilmActor>();
        var bronzeActor = sources.Set<B.Actor>();
        var silverActor = sources.Set<Actor>();
        var bronzeFilm = sources.Set<B.Film>();
        var silverFilm = sources.Set<Film>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.ActorId == b.ActorId && n.FilmId == b.FilmId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.ActorId == b.ActorId && s.FilmId == b.FilmId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("orphan_actor_id", b => bronzeActor.Any(p => p.ActorId == b.ActorId), "ActorId references no actor in the source.")
            .Rule("orphan_film_id", b => bronzeFilm.Any(p => p.FilmId == b.FilmId), "FilmId references no film in the source.")
            .Rule("parent_quarantined", b => silverActor.Any(p => p.ActorId == b.ActorId) && silverFilm.Any(p => p.FilmId == b.FilmId), "A referenced row is quarantined.")
            .KeyedBy(b => new { b.ActorId, b.FilmId })
            .Select(b => new FilmActor
            {
                ActorId = b.ActorId,
                FilmId = b.FilmId,
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
