using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of film–category links become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class FilmCategoryDeleteTransform : Transform<FilmCategory, FilmCategory>
{
    public override string Name => "silver_film_category_delete";

    public override TransformDefinition<FilmCategory, FilmCategory> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.FilmCategory>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<FilmCategory>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.FilmId == s.FilmId && b.CategoryId == s.CategoryId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.FilmId == b.FilmId && n.CategoryId == b.CategoryId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new FilmCategory
        {
            FilmId = s.FilmId,
            CategoryId = s.CategoryId,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
