using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_customer</c>, the CURRENT state per live customer (not soft-deleted) with its address, city and
/// country, for an SCD2 step (<see cref="DataPlatform.Framework.Pipelines.TransformLayer.Scd2{TSource, TTarget}"/>): a changed attribute closes the current
/// version and opens a new one, a customer missing here (source delete) has its current version closed without successor.
/// </summary>
internal sealed class DimCustomerTransform : Transform<CustomerInput, DimCustomer>
{
    public override string Name => "gold_dim_customer";

    public override TransformDefinition<CustomerInput, DimCustomer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var rows =
            from c in sources.Set<Customer>()
            join a in sources.Set<Address>() on c.AddressId equals a.AddressId
            join ci in sources.Set<City>() on a.CityId equals ci.CityId
            join co in sources.Set<Country>() on ci.CountryId equals co.CountryId
            where c.InactivatedDate == null
            select new CustomerInput { Customer = c, Address = a, City = ci.Name, Country = co.Name };

        return From(rows).Select(x => new DimCustomer
        {
            CustomerId = x.Customer.CustomerId,
            FirstName = x.Customer.FirstName,
            LastName = x.Customer.LastName,
            FullName = x.Customer.FirstName + " " + x.Customer.LastName,
            Email = x.Customer.Email,
            IsActive = x.Customer.IsActive,
            StoreId = x.Customer.StoreId,
            Address = x.Address.Line1,
            Address2 = x.Address.Line2,
            District = x.Address.District,
            City = x.City,
            Country = x.Country,
            PostalCode = x.Address.PostalCode,
            Phone = x.Address.Phone,
            CreateDate = x.Customer.CreateDate,
        });
    }
}
