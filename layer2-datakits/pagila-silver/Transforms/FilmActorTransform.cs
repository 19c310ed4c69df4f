using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver film–actor links, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class FilmActorTransform : Transform<B.FilmActor, FilmActor>
{
    public override string Name => "silver_film_actor";

    public override TransformDefinition<B.FilmActor, FilmActor> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeActor = sources.Set<B.Actor>();
        var silverActor = sources.Set<Actor>();
        var bronzeFilm = sources.Set<B.Film>();
        var silverFilm = sources.Set<Film>();
        return From(sources.Set<B.FilmActor>())
            .Rule("orphan_actor_id", b => bronzeActor.Any(p => p.ActorId == b.ActorId), "ActorId references no actor in the source.")
            .Rule("orphan_film_id", b => bronzeFilm.Any(p => p.FilmId == b.FilmId), "FilmId references no film in the source.")
            .Rule("parent_quarantined", b => silverActor.Any(p => p.ActorId == b.ActorId) && silverFilm.Any(p => p.FilmId == b.FilmId), "A referenced row is quarantined.")
            .KeyedBy(b => new { b.ActorId, b.FilmId })
            .Select(b => new FilmActor
            {
                ActorId = b.ActorId,
                FilmId = b.FilmId,
                LastUpdate = b.LastUpdate,
            });
    }
}
