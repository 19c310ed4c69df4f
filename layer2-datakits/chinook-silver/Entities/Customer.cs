namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Customer</c>: a customer; temporal: <c>customer__history</c> keeps every version. Source deletes become soft deletes.</summary>
public sealed class Customer : TemporalSilverRecord
{
    /// <summary>The source key.</summary>
    public int CustomerId { get; set; }

    /// <summary>The first name, trimmed.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name, trimmed.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>The company.</summary>
    public string? Company { get; set; }

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

    /// <summary>The support rep (foreign key to <c>employee</c>).</summary>
    public int? SupportRepId { get; set; }
}
