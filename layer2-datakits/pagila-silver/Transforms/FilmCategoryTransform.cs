using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver film–category links, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class FilmCategoryTransform : Transform<B.FilmCategory, FilmCategory>
{
    public override string Name => "silver_film_category";

    public override TransformDefinition<B.FilmCategory, FilmCategory> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeCategory = sources.Set<B.Category>();
        var silverCategory = sources.Set<Category>();
        var bronzeFilm = sources.Set<B.Film>();
        var silverFilm = sources.Set<Film>();
        return From(sources.Set<B.FilmCategory>())
            .Rule("orphan_film_id", b => bronzeFilm.Any(p => p.FilmId == b.FilmId), "FilmId references no film in the source.")
            .Rule("orphan_category_id", b => bronzeCategory.Any(p => p.CategoryId == b.CategoryId), "CategoryId references no category in the source.")
            .Rule("parent_quarantined", b => silverFilm.Any(p => p.FilmId == b.FilmId) && silverCategory.Any(p => p.CategoryId == b.CategoryId), "A referenced row is quarantined.")
            .KeyedBy(b => new { b.FilmId, b.CategoryId })
            .Select(b => new FilmCategory
            {
                FilmId = b.FilmId,
                CategoryId = b.CategoryId,
                LastUpdate = b.LastUpdate,
            });
    }
}
