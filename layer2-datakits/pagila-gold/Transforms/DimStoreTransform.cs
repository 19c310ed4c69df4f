using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_store</c> (type 1, upsert on <c>store_id</c>): the manager's full name (NULL when the manager is not
/// in silver; <c>store.manager_staff_id</c> has no foreign key) and the store's address, city and country. Every silver store
/// is mirrored, soft-deleted ones with their last known attributes.
/// </summary>
internal sealed class DimStoreTransform : Transform<StoreInput, DimStore>
{
    public override string Name => "gold_dim_store";

    public override TransformDefinition<StoreInput, DimStore> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var staff = sources.Set<Staff>();
        var rows =
            from s in sources.Set<Store>()
            join a in sources.Set<Address>() on s.AddressId equals a.AddressId
            join ci in sources.Set<City>() on a.CityId equals ci.CityId
            join co in sources.Set<Country>() on ci.CountryId equals co.CountryId
            select new StoreInput { Store = s, Address = a, City = ci.Name, Country = co.Name };

        return From(rows).Select(x => new DimStore
        {
            StoreId = x.Store.StoreId,
            ManagerStaffId = x.Store.ManagerStaffId,
            ManagerFullName = staff.Where(m => m.StaffId == x.Store.ManagerStaffId).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
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
