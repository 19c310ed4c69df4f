namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.customer</c>.</summary>
public sealed class Customer
{
    /// <summary><c>customer_id integer</c>, primary key.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>first_name varchar(40) NOT NULL</c>.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary><c>last_name varchar(20) NOT NULL</c>.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>company varchar(80)</c>.</summary>
    public string? Company { get; set; }

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

    /// <summary><c>email varchar(60) NOT NULL</c>.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary><c>support_rep_id integer</c>, references <c>employee</c>.</summary>
    public int? SupportRepId { get; set; }
}
