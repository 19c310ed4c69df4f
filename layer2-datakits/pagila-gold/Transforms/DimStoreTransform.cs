using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_store</c> (type 1, upsert on <c>store_id</c>): the manager's full name (NULL when the manager is not
/// in silver; <c>store.manager_staff_id</c> has no foreign key) and the store's address, city and country. Every silver store
/// is mirrored, soft-deleted ones with their last known attributes.
/// </summary>
internal sealed class DimStoreTransform : Transform<Located<Store>, DimStore>
{
    public override string Name => "gold_dim_store";

    public override TransformDefinition<Located<Store>, DimStore> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var staff = sources.Set<Staff>();
        var rows = Locations.Of(sources, sources.Set<Store>(), s => s.AddressId);

        return From(rows).Select(x => new DimStore
        {
            StoreId = x.Owner.StoreId,
            ManagerStaffId = x.Owner.ManagerStaffId,
            ManagerFullName = staff.Where(m => m.StaffId == x.Owner.ManagerStaffId).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
            Address = x.Address.Line1,
            Address2 = x.Address.Line2,
            District = x.Address.District,
            City = x.City,
            Country = x.Country,
            PostalCode = x.Address.PostalCode,
            Phone = x.Address.Phone,
        });
    }
}
