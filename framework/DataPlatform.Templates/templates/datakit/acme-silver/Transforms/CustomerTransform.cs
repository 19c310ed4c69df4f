using Acme.Datakits.Silver.Entities;
using DataPlatform.Framework.Transforms;
using B = Acme.Datakits.Bronze.Entities;

namespace Acme.Datakits.Silver.Transforms;

/// <summary>Bronze → silver <c>customer</c>: quarantines a blank name; cleans the e-mail and the country.</summary>
internal sealed class CustomerTransform : Transform<B.Customer, Customer>
{
    public override string Name => "silver_customer";

    public override TransformDefinition<B.Customer, Customer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        // Add a .Rule per check a good row passes: a row that fails one goes to dataplatform.quarantine under the rule's
        // name (the first failing rule wins) and is re-checked by every run until it passes. A reference to another table is
        // a rule too: .Rule("orphan_x_id", b => xs.Any(p => p.XId == b.XId), "...") with var xs = sources.Set<B.X>().
        return From(sources.Set<B.Customer>())
            .Rule("blank_name", b => !Clean.IsBlank(b.Name), "The name is blank.")
            .KeyedBy(b => b.CustomerId)
            .Select(b => new Customer
            {
                CustomerId = b.CustomerId,
                Name = b.Name!.Trim(),
                Email = Clean.Email(b.Email),
                Country = Clean.Text(b.Country),
            });
    }
}
