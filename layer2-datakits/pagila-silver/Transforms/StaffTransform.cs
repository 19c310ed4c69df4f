using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver staff, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class StaffTransform : Transform<B.Staff, Staff>
{
    public override string Name => "silver_staff";

    public override TransformDefinition<B.Staff, Staff> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeAddress = sources.Set<B.Address>();
        var silverAddress = sources.Set<Address>();
        var bronzeStore = sources.Set<B.Store>();
        var silverStore = sources.Set<Store>();
        return From(sources.Set<B.Staff>())
            .Rule("blank_name", b => !Clean.IsBlank(b.FirstName) && !Clean.IsBlank(b.LastName), "A required name is blank.")
            .Rule("orphan_address_id", b => b.AddressId != null && bronzeAddress.Any(p => p.AddressId == b.AddressId), "AddressId references no address in the source.")
            .Rule("orphan_store_id", b => b.StoreId != null && bronzeStore.Any(p => p.StoreId == b.StoreId), "StoreId references no store in the source.")
            .Rule("parent_quarantined", b => silverAddress.Any(p => p.AddressId == b.AddressId) && silverStore.Any(p => p.StoreId == b.StoreId), "A referenced row is quarantined.")
            .KeyedBy(b => b.StaffId)
            .Select(b => new Staff
            {
                StaffId = b.StaffId,
                FirstName = b.FirstName!.Trim(),
                LastName = b.LastName!.Trim(),
                AddressId = b.AddressId!.Value,
                Email = Clean.Email(b.Email),
                StoreId = b.StoreId!.Value,
                IsActive = b.Active == true,
                Username = (b.Username ?? "").Trim(),
                Picture = b.Picture,
                LastUpdate = b.LastUpdate,
            });
    }
}
