using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_staff</c> (type 1, upsert on <c>staff_id</c>; no password, silver does not carry it):
/// <c>is_store_manager</c> = the staff member manages some live store. Every silver staff row is mirrored, soft-deleted
/// ones with their last known attributes.
/// </summary>
internal sealed class DimStaffTransform : Transform<Staff, DimStaff>
{
    public override string Name => "gold_dim_staff";

    public override TransformDefinition<Staff, DimStaff> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var stores = sources.Set<Store>();
        return From(sources.Set<Staff>()).Select(s => new DimStaff
        {
            StaffId = s.StaffId,
            FirstName = s.FirstName,
            LastName = s.LastName,
            FullName = s.FirstName + " " + s.LastName,
            Email = s.Email,
            Username = s.Username,
            StoreId = s.StoreId,
            IsActive = s.IsActive,
            IsStoreManager = stores.Any(st => st.ManagerStaffId == s.StaffId && st.InactivatedDate == null),
        });
    }
}
