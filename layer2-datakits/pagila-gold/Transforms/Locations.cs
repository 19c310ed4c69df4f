using System.Linq.Expressions;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>Joins silver rows to their address, city and country: the shared input of the dimensions that carry an address.</summary>
internal static class Locations
{
    public static IQueryable<Located<TOwner>> Of<TOwner>(ITransformSources sources, IQueryable<TOwner> owners, Expression<Func<TOwner, int>> addressId)
        where TOwner : class =>
        owners
            .Join(sources.Set<Address>(), addressId, a => a.AddressId, (o, a) => new { Owner = o, Address = a })
            .Join(sources.Set<City>(), x => x.Address.CityId, ci => ci.CityId, (x, ci) => new { x.Owner, x.Address, City = ci })
            .Join(sources.Set<Country>(), x => x.City.CountryId, co => co.CountryId,
                (x, co) => new Located<TOwner> { Owner = x.Owner, Address = x.Address, City = x.City.Name, Country = co.Name });
}
