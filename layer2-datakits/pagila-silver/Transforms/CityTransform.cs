using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver cities: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class CityTransform : Transform<B.City, City>
{
    public override string Name => "silver_city";

    public override TransformDefinition<B.City, City> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.City>();
        var silver = sources.Set<City>();
        var bronzeCountry = sources.Set<B.Country>();
        var silverCountry = sources.Set<Country>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.CityId == b.CityId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.CityId == b.CityId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
            .Rule("blank_name", b => b.CityName != null && b.CityName.Trim() != "", "The city name is blank.")
            .Rule("orphan_country_id", b => b.CountryId != null && bronzeCountry.Any(p => p.CountryId == b.CountryId), "CountryId references no country in the source.")
            .Rule("parent_quarantined", b => silverCountry.Any(p => p.CountryId == b.CountryId), "A referenced row is quarantined.")
            .KeyedBy(b => b.CityId)
            .Select(b => new City
            {
                CityId = b.CityId,
                Name = b.CityName!.Trim(),
                CountryId = b.CountryId!.Value,
                LastUpdate = b.LastUpdate,
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
