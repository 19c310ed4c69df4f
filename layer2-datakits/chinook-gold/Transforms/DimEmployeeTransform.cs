using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_employee</c> (type 1, upsert on <c>employee_id</c>): the manager through the self-reference
/// <c>reports_to</c>; the hire date as a date (UTC). Every silver employee is mirrored, soft-deleted ones with their last
/// known attributes, so facts keep their support rep.
/// </summary>
internal sealed class DimEmployeeTransform : Transform<Employee, DimEmployee>
{
    public override string Name => "gold_dim_employee";

    public override TransformDefinition<Employee, DimEmployee> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var managers = sources.Set<Employee>();
        return From(sources.Set<Employee>()).Select(e => new DimEmployee
        {
            EmployeeId = e.EmployeeId,
            FirstName = e.FirstName,
            LastName = e.LastName,
            FullName = e.FirstName + " " + e.LastName,
            Title = e.Title,
            ManagerEmployeeId = e.ReportsTo,
            ManagerFullName = managers.Where(m => m.EmployeeId == e.ReportsTo).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
            HireDate = e.HireDate == null ? null : new DateOnly(e.HireDate.Value.Year, e.HireDate.Value.Month, e.HireDate.Value.Day),
            City = e.City,
            Country = e.Country,
            Email = e.Email,
        });
    }
}
