namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>Gold <c>dim_customer</c> (SCD type 2): one version per customer and attribute state; exactly one current row per live customer.</summary>
public sealed class DimCustomer
{
    /// <summary>Surrogate key of this version.</summary>
    public long CustomerKey { get; set; }

    /// <summary>The customer's natural key.</summary>
    public int CustomerId { get; set; }

    /// <summary>The first name.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>first last</c>.</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>The e-mail (lower-cased; NULL when missing or malformed).</summary>
    public string? Email { get; set; }

    /// <summary>Whether the customer is active.</summary>
    public bool IsActive { get; set; }

    /// <summary>The home store.</summary>
    public int StoreId { get; set; }

    /// <summary>The street address.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>The second address line.</summary>
    public string? Address2 { get; set; }

    /// <summary>The district.</summary>
    public string District { get; set; } = string.Empty;

    /// <summary>The city.</summary>
    public string City { get; set; } = string.Empty;

    /// <summary>The country.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>The postal code.</summary>
    public string? PostalCode { get; set; }

    /// <summary>The phone number.</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary>When the customer was created.</summary>
    public DateOnly CreateDate { get; set; }

    /// <summary>When this version became valid (UTC); the first version of each customer is valid from the beginning of time.</summary>
    public DateTime ValidFrom { get; set; }

    /// <summary>When this version stopped being valid (UTC); NULL while current.</summary>
    public DateTime? ValidTo { get; set; }

    /// <summary>Whether this is the current version.</summary>
    public bool IsCurrent { get; set; }
}
