using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver countries: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class CountryTransform : Transform<B.Country, Country>
{
    public override string Name => "silver_country";

    public override TransformDefinition<B.Country, Country> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.Country>();
        var silver = sources.Set<Country>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.CountryId == b.CountryId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.CountryId == b.CountryId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("blank_name", b => b.CountryName != null && b.CountryName.Trim() != "", "The country name is blank.")
            .KeyedBy(b => b.CountryId)
            .Select(b => new Country
            {
                CountryId = b.CountryId,
                Name = b.CountryName!.Trim(),
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
