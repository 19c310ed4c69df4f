using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_customer</c>, the CURRENT state per live customer (not soft-deleted) with its address, city and
/// country, for an SCD2 step (<see cref="DataPlatform.Framework.Pipelines.TransformLayer.Scd2{TSource, TTarget}"/>): a changed attribute closes the current
/// version and opens a new one, a customer missing here (source delete) has its current version closed without successor.
/// </summary>
internal sealed class DimCustomerTransform : Transform<Located<Customer>, DimCustomer>
{
    public override string Name => "gold_dim_customer";

    public override TransformDefinition<Located<Customer>, DimCustomer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var rows = Locations.Of(sources, sources.Set<Customer>().Where(c => c.InactivatedDate == null), c => c.AddressId);

        return From(rows).Select(x => new DimCustomer
        {
            CustomerId = x.Owner.CustomerId,
            FirstName = x.Owner.FirstName,
            LastName = x.Owner.LastName,
            FullName = x.Owner.FirstName + " " + x.Owner.LastName,
            Email = x.Owner.Email,
            IsActive = x.Owner.IsActive,
            StoreId = x.Owner.StoreId,
            Address = x.Address.Line1,
            Address2 = x.Address.Line2,
            District = x.Address.District,
            City = x.City,
            Country = x.Country,
            PostalCode = x.Address.PostalCode,
            Phone = x.Address.Phone,
            CreateDate = x.Owner.CreateDate,
        });
    }
}
