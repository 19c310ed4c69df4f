using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>customer</c> (temporal): quarantines a blank name or a support rep (when set) missing from the source or quarantined.</summary>
internal sealed class CustomerTransform : Transform<B.Customer, Customer>
{
    public override string Name => "silver_customer";

    public override TransformDefinition<B.Customer, Customer> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var employees = sources.Set<B.Employee>();
        var silverEmployees = sources.Set<Employee>();
        return From(sources.Set<B.Customer>())
            .Rule("blank_name", b => !Clean.IsBlank(b.FirstName) && !Clean.IsBlank(b.LastName), "A required name is blank.")
            .Rule("orphan_support_rep_id", b => b.SupportRepId == null || employees.Any(p => p.EmployeeId == b.SupportRepId), "SupportRepId references no employee in the source.")
            .Rule("parent_quarantined", b => b.SupportRepId == null || silverEmployees.Any(p => p.EmployeeId == b.SupportRepId), "A referenced row is quarantined.")
            .KeyedBy(b => b.CustomerId)
            .Select(b => new Customer
            {
                CustomerId = b.CustomerId,
                FirstName = b.FirstName!.Trim(),
                LastName = b.LastName!.Trim(),
                Company = Clean.Text(b.Company),
                Address = Clean.Text(b.Address),
                City = Clean.Text(b.City),
                State = Clean.Text(b.State),
                Country = Clean.Text(b.Country),
                PostalCode = Clean.Text(b.PostalCode),
                Phone = Clean.Text(b.Phone),
                Fax = Clean.Text(b.Fax),
                Email = Clean.Email(b.Email),
                SupportRepId = b.SupportRepId,
            });
    }
}
