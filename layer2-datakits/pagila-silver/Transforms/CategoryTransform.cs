using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver categories: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class CategoryTransform : Transform<B.Category, Category>
{
    public override string Name => "silver_category";

    public override TransformDefinition<B.Category, Category> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.Category>();
        var silver = sources.Set<Category>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.CategoryId == b.CategoryId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.CategoryId == b.CategoryId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("blank_name", b => b.Name != null && b.Name.Trim() != "", "A required name is blank.")
            .KeyedBy(b => b.CategoryId)
            .Select(b => new Category
            {
                CategoryId = b.CategoryId,
                Name = b.Name!.Trim(),
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
