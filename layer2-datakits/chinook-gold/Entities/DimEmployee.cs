namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>Gold <c>dim_employee</c> (type 1): one row per employee, with the manager's id and name (NULL at the top).</summary>
public sealed class DimEmployee
{
    /// <summary>Surrogate key.</summary>
    public long EmployeeKey { get; set; }

    /// <summary>The natural key.</summary>
    public int EmployeeId { get; set; }

    /// <summary>The first name.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>first last</c>.</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>The job title.</summary>
    public string? Title { get; set; }

    /// <summary>The manager's natural key; NULL at the top.</summary>
    public int? ManagerEmployeeId { get; set; }

    /// <summary>The manager's full name; NULL at the top.</summary>
    public string? ManagerFullName { get; set; }

    /// <summary>The hire date.</summary>
    public DateOnly? HireDate { get; set; }

    /// <summary>The city.</summary>
    public string? City { get; set; }

    /// <summary>The country.</summary>
    public string? Country { get; set; }

    /// <summary>The e-mail.</summary>
    public string? Email { get; set; }
}
