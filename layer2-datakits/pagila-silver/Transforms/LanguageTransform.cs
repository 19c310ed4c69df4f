using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver languages, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class LanguageTransform : Transform<B.Language, Language>
{
    public override string Name => "silver_language";

    public override TransformDefinition<B.Language, Language> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Language>())
            .Rule("blank_name", b => !Clean.IsBlank(b.Name), "A required name is blank.")
            .KeyedBy(b => b.LanguageId)
            .Select(b => new Language
            {
                LanguageId = b.LanguageId,
                Name = b.Name!.Trim(),
                LastUpdate = b.LastUpdate,
            });
    }
}
