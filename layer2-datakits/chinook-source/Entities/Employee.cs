namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.employee</c>. Timestamps are <c>timestamp without time zone</c>, read as UTC.</summary>
public sealed class Employee
{
    /// <summary><c>employee_id integer</c>, primary key.</summary>
    public int EmployeeId { get; set; }

    /// <summary><c>last_name varchar(20) NOT NULL</c>.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>first_name varchar(20) NOT NULL</c>.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary><c>title varchar(30)</c>.</summary>
    public string? Title { get; set; }

    /// <summary><c>reports_to integer</c>, references <c>employee</c> (NULL at the top).</summary>
    public int? ReportsTo { get; set; }

    /// <summary><c>birth_date timestamp</c>.</summary>
    public DateTime? BirthDate { get; set; }

    /// <summary><c>hire_date timestamp</c>.</summary>
    public DateTime? HireDate { get; set; }

    /// <summary><c>address varchar(70)</c>.</summary>
    public string? Address { get; set; }

    /// <summary><c>city varchar(40)</c>.</summary>
    public string? City { get; set; }

    /// <summary><c>state varchar(40)</c>.</summary>
    public string? State { get; set; }

    /// <summary><c>country varchar(40)</c>.</summary>
    public string? Country { get; set; }

    /// <summary><c>postal_code varchar(10)</c>.</summary>
    public string? PostalCode { get; set; }

    /// <summary><c>phone varchar(24)</c>.</summary>
    public string? Phone { get; set; }

    /// <summary><c>fax varchar(24)</c>.</summary>
    public string? Fax { get; set; }

    /// <summary><c>email varchar(60)</c>.</summary>
    public string? Email { get; set; }
}
