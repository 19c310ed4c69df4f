namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Employee</c>: an employee; temporal: <c>employee__history</c> keeps every version. Source deletes become soft deletes.</summary>
public sealed class Employee : TemporalSilverRecord
{
    /// <summary>The source key.</summary>
    public int EmployeeId { get; set; }

    /// <summary>The last name, trimmed.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>The first name, trimmed.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The job title.</summary>
    public string? Title { get; set; }

    /// <summary>The manager (foreign key to <c>employee</c>); NULL at the top.</summary>
    public int? ReportsTo { get; set; }

    /// <summary>The birth date (UTC).</summary>
    public DateTime? BirthDate { get; set; }

    /// <summary>The hire date (UTC).</summary>
    public DateTime? HireDate { get; set; }

    /// <summary>The address.</summary>
    public string? Address { get; set; }

    /// <summary>The city.</summary>
    public string? City { get; set; }

    /// <summary>The state.</summary>
    public string? State { get; set; }

    /// <summary>The country.</summary>
    public string? Country { get; set; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; set; }

    /// <summary>The phone.</summary>
    public string? Phone { get; set; }

    /// <summary>The fax.</summary>
    public string? Fax { get; set; }

    /// <summary>The e-mail, lower-cased; NULL unless <c>local@domain.tld</c>.</summary>
    public string? Email { get; set; }
}
