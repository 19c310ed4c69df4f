using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver stores: the latest bronze upsert per key not yet applied (newer batch than the silver row), cleaned
/// per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run until they pass.
/// </summary>
internal sealed class StoreTransform : Transform<B.Store, Store>
{
    public override string Name => "silver_store";

    public override TransformDefinition<B.Store, Store> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.Store>();
        var silver = sources.Set<Store>();
        var bronzeAddress = sources.Set<B.Address>();
        var silverAddress = sources.Set<Address>();
        var bronzeStaff = sources.Set<B.Staff>();
        var rows = bronze.Where(b => b.DpOperation == BronzeOperation.Upsert
            && !bronze.Any(n => n.StoreId == b.StoreId && n.DpBatchId > b.DpBatchId)
            && !silver.Any(s => s.StoreId == b.StoreId && s.SourceBatchId >= b.DpBatchId));

        return From(rows)
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
                SourceBatchId = b.DpBatchId,
                InactivatedDate = null,
            });
    }
}
