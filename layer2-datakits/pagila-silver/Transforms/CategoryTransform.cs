using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver categories, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class CategoryTransform : Transform<B.Category, Category>
{
    public override string Name => "silver_category";

    public override TransformDefinition<B.Category, Category> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Category>())
            .Rule("blank_name", b => !Clean.IsBlank(b.Name), "A required name is blank.")
            .KeyedBy(b => b.CategoryId)
            .Select(b => new Category
            {
                CategoryId = b.CategoryId,
                Name = b.Name!.Trim(),
                LastUpdate = b.LastUpdate,
            });
    }
}
