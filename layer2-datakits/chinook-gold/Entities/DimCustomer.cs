namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>Gold <c>dim_customer</c> (SCD type 2): one version per customer and attribute state, including the support rep's name; exactly one current row per live customer.</summary>
public sealed class DimCustomer
{
    /// <summary>Surrogate key of this version.</summary>
    public long CustomerKey { get; set; }

    /// <summary>The natural key.</summary>
    public int CustomerId { get; set; }

    /// <summary>The first name.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>first last</c>.</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>The company.</summary>
    public string? Company { get; set; }

    /// <summary>The city.</summary>
    public string? City { get; set; }

    /// <summary>The state.</summary>
    public string? State { get; set; }

    /// <summary>The country.</summary>
    public string? Country { get; set; }

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; set; }

    /// <summary>The e-mail.</summary>
    public string? Email { get; set; }

    /// <summary>The support rep's employee id.</summary>
    public int? SupportRepEmployeeId { get; set; }

    /// <summary>The support rep's full name.</summary>
    public string? SupportRepFullName { get; set; }

    /// <summary>When this version became valid (UTC); the first version of each customer is valid from the beginning of time.</summary>
    public DateTime ValidFrom { get; set; }

    /// <summary>When this version stopped being valid (UTC); NULL while current.</summary>
    public DateTime? ValidTo { get; set; }

    /// <summary>Whether this is the current version.</summary>
    public bool IsCurrent { get; set; }
}
