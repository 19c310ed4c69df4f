using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>
/// Bronze → silver <c>employee</c> (temporal): quarantines a blank name, a manager missing from the source, or a manager that
/// cannot be applied. The manager is in the same table, so "applied" cannot wait for silver: a manager passes when it is in
/// silver already, or when its own row passes and its manager is in silver or is a passing top-level row. Deeper chains of
/// new rows are quarantined as <c>parent_quarantined</c> and applied by a later run, never inserted before their manager.
/// </summary>
internal sealed class EmployeeTransform : Transform<B.Employee, Employee>
{
    public override string Name => "silver_employee";

    public override TransformDefinition<B.Employee, Employee> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronze = sources.Set<B.Employee>();
        var silver = sources.Set<Employee>();
        return From(bronze)
            .Rule("blank_name", b => !Clean.IsBlank(b.FirstName) && !Clean.IsBlank(b.LastName), "A required name is blank.")
            .Rule("orphan_reports_to", b => b.ReportsTo == null || bronze.Any(p => p.EmployeeId == b.ReportsTo), "ReportsTo references no employee in the source.")
            .Rule(
                "parent_quarantined",
                b => b.ReportsTo == null || silver.Any(m => m.EmployeeId == b.ReportsTo) || bronze.Any(m => m.EmployeeId == b.ReportsTo
                    && !Clean.IsBlank(m.FirstName) && !Clean.IsBlank(m.LastName)
                    && (m.ReportsTo == null || silver.Any(g => g.EmployeeId == m.ReportsTo) || bronze.Any(g => g.EmployeeId == m.ReportsTo
                        && !Clean.IsBlank(g.FirstName) && !Clean.IsBlank(g.LastName) && g.ReportsTo == null))),
                "A referenced row is quarantined.")
            .KeyedBy(b => b.EmployeeId)
            .Select(b => new Employee
            {
                EmployeeId = b.EmployeeId,
                LastName = b.LastName!.Trim(),
                FirstName = b.FirstName!.Trim(),
                Title = Clean.Text(b.Title),
                ReportsTo = b.ReportsTo,
                BirthDate = b.BirthDate,
                HireDate = b.HireDate,
                Address = Clean.Text(b.Address),
                City = Clean.Text(b.City),
                State = Clean.Text(b.State),
                Country = Clean.Text(b.Country),
                PostalCode = Clean.Text(b.PostalCode),
                Phone = Clean.Text(b.Phone),
                Fax = Clean.Text(b.Fax),
                Email = Clean.Email(b.Email),
            });
    }
}
