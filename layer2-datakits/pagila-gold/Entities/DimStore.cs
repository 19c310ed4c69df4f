namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>Gold <c>dim_store</c> (type 1).</summary>
public sealed class DimStore
{
    /// <summary>Surrogate key.</summary>
    public long StoreKey { get; set; }

    /// <summary>The store's natural key.</summary>
    public int StoreId { get; set; }

    /// <summary>The manager's staff id.</summary>
    public int ManagerStaffId { get; set; }

    /// <summary>The manager's full name (<c>first last</c>); NULL when the manager is unknown.</summary>
    public string? ManagerFullName { get; set; }

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
}
