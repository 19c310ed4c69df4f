using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_customer</c> (SCD type 2), the current state of every live customer with its support rep's name: a
/// changed attribute, a new rep or the rep's renamed name opens a new version; a customer missing here (source delete)
/// has its current version closed without successor.
/// </summary>
internal sealed class DimCustomerTransform : Transform<Customer, DimCustomer>
{
    public override string Name => "gold_dim_customer";

    public override TransformDefinition<Customer, DimCustomer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var employees = sources.Set<Employee>();
        return From(sources.Set<Customer>().Where(c => c.InactivatedDate == null)).Select(c => new DimCustomer
        {
            CustomerId = c.CustomerId,
            FirstName = c.FirstName,
            LastName = c.LastName,
            FullName = c.FirstName + " " + c.LastName,
            Company = c.Company,
            City = c.City,
            State = c.State,
            Country = c.Country,
            PostalCode = c.PostalCode,
            Email = c.Email,
            SupportRepEmployeeId = c.SupportRepId,
            SupportRepFullName = employees.Where(e => e.EmployeeId == c.SupportRepId).Select(e => e.FirstName + " " + e.LastName).FirstOrDefault(),
        });
    }
}
