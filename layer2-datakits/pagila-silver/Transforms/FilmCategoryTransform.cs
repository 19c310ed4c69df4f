using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver film–category links: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class FilmCategoryTransform : Transform<B.FilmCategory, FilmCategory>
{
    public override string Name => "silver_film_category";

    public override TransformDefinition<B.FilmCategory, FilmCategory> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.FilmCategory>();
        var silver = sources.Set<FilmCategory>();
        var bronzeCategory = sources.Set<B.Category>();
        var silverCategory = sources.Set<Category>();
        var bronzeFilm = sources.Set<B.Film>();
        var silverFilm = sources.Set<Film>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.FilmId == b.FilmId && n.CategoryId == b.CategoryId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.FilmId == b.FilmId && s.CategoryId == b.CategoryId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("orphan_film_id", b => bronzeFilm.Any(p => p.FilmId == b.FilmId), "FilmId references no film in the source.")
            .Rule("orphan_category_id", b => bronzeCategory.Any(p => p.CategoryId == b.CategoryId), "CategoryId references no category in the source.")
            .Rule("parent_quarantined", b => silverFilm.Any(p => p.FilmId == b.FilmId) && silverCategory.Any(p => p.CategoryId == b.CategoryId), "A referenced row is quarantined.")
            .KeyedBy(b => new { b.FilmId, b.CategoryId })
            .Select(b => new FilmCategory
            {
                FilmId = b.FilmId,
                CategoryId = b.CategoryId,
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
