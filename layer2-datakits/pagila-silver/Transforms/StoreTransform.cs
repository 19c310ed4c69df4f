using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver stores, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class StoreTransform : Transform<B.Store, Store>
{
    public override string Name => "silver_store";

    public override TransformDefinition<B.Store, Store> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeAddress = sources.Set<B.Address>();
        var silverAddress = sources.Set<Address>();
        var bronzeStaff = sources.Set<B.Staff>();
        return From(sources.Set<B.Store>())
            .Rule("missing_value", b => b.ManagerStaffId != null, "The manager is missing.")
            .Rule("orphan_manager_staff_id", b => bronzeStaff.Any(p => p.StaffId == b.ManagerStaffId), "ManagerStaffId references no staff in the source.")
            .Rule("orphan_address_id", b => b.AddressId != null && bronzeAddress.Any(p => p.AddressId == b.AddressId), "AddressId references no address in the source.")
            .Rule("parent_quarantined", b => silverAddress.Any(p => p.AddressId == b.AddressId), "A referenced row is quarantined.")
            .KeyedBy(b => b.StoreId)
            .Select(b => new Store
            {
                StoreId = b.StoreId,
                ManagerStaffId = b.ManagerStaffId!.Value,
                AddressId = b.AddressId!.Value,
                LastUpdate = b.LastUpdate,
            });
    }
}
