using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver cities, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class CityTransform : Transform<B.City, City>
{
    public override string Name => "silver_city";

    public override TransformDefinition<B.City, City> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeCountry = sources.Set<B.Country>();
        var silverCountry = sources.Set<Country>();
        return From(sources.Set<B.City>())
            .Rule("blank_name", b => !Clean.IsBlank(b.CityName), "The city name is blank.")
            .Rule("orphan_country_id", b => b.CountryId != null && bronzeCountry.Any(p => p.CountryId == b.CountryId), "CountryId references no country in the source.")
            .Rule("parent_quarantined", b => silverCountry.Any(p => p.CountryId == b.CountryId), "A referenced row is quarantined.")
            .KeyedBy(b => b.CityId)
            .Select(b => new City
            {
                CityId = b.CityId,
                Name = b.CityName!.Trim(),
                CountryId = b.CountryId!.Value,
                LastUpdate = b.LastUpdate,
            });
    }
}
