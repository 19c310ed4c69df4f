using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver languages: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class LanguageTransform : Transform<B.Language, Language>
{
    public override string Name => "silver_language";

    public override TransformDefinition<B.Language, Language> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.Language>();
        var silver = sources.Set<Language>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.LanguageId == b.LanguageId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.LanguageId == b.LanguageId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("blank_name", b => b.Name != null && b.Name.Trim() != "", "A required name is blank.")
            .KeyedBy(b => b.LanguageId)
            .Select(b => new Language
            {
                LanguageId = b.LanguageId,
                Name = b.Name!.Trim(),
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
