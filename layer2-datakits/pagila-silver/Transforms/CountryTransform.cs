using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver countries, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class CountryTransform : Transform<B.Country, Country>
{
    public override string Name => "silver_country";

    public override TransformDefinition<B.Country, Country> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Country>())
            .Rule("blank_name", b => !Clean.IsBlank(b.CountryName), "The country name is blank.")
            .KeyedBy(b => b.CountryId)
            .Select(b => new Country
            {
                CountryId = b.CountryId,
                Name = b.CountryName!.Trim(),
                LastUpdate = b.LastUpdate,
            });
    }
}
