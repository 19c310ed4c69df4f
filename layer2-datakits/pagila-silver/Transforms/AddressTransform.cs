using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver addresses, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class AddressTransform : Transform<B.Address, Address>
{
    public override string Name => "silver_address";

    public override TransformDefinition<B.Address, Address> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeCity = sources.Set<B.City>();
        var silverCity = sources.Set<City>();
        return From(sources.Set<B.Address>())
            .Rule("orphan_city_id", b => b.CityId != null && bronzeCity.Any(p => p.CityId == b.CityId), "CityId references no city in the source.")
            .Rule("parent_quarantined", b => silverCity.Any(p => p.CityId == b.CityId), "A referenced row is quarantined.")
            .KeyedBy(b => b.AddressId)
            .Select(b => new Address
            {
                AddressId = b.AddressId,
                Line1 = (b.AddressLine ?? "").Trim(),
                Line2 = Clean.Text(b.Address2),
                District = (b.District ?? "").Trim(),
                CityId = b.CityId!.Value,
                PostalCode = Clean.Text(b.PostalCode),
                Phone = (b.Phone ?? "").Trim(),
                LastUpdate = b.LastUpdate,
            });
    }
}
