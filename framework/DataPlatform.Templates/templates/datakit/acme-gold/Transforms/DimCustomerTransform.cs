using Acme.Datakits.Gold.Entities;
using Acme.Datakits.Silver.Entities;
using DataPlatform.Framework.Transforms;

namespace Acme.Datakits.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_customer</c> (type 1, upsert on <c>customer_id</c>). Every silver customer is mirrored, soft-deleted
/// ones with their last known attributes, so facts keep their customer.
/// </summary>
internal sealed class DimCustomerTransform : Transform<Customer, DimCustomer>
{
    public override string Name => "gold_dim_customer";

    public override TransformDefinition<Customer, DimCustomer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<Customer>()).Select(c => new DimCustomer
        {
            CustomerId = c.CustomerId,
            Name = c.Name,
            Email = c.Email,
            Country = c.Country,
        });
    }
}
