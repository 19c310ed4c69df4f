namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>Gold <c>dim_staff</c> (type 1). No password.</summary>
public sealed class DimStaff
{
    /// <summary>Surrogate key.</summary>
    public long StaffKey { get; set; }

    /// <summary>The staff member's natural key.</summary>
    public int StaffId { get; set; }

    /// <summary>The first name.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>first last</c>.</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>The e-mail.</summary>
    public string? Email { get; set; }

    /// <summary>The user name.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The store the staff member works at.</summary>
    public int StoreId { get; set; }

    /// <summary>Whether the staff member is active.</summary>
    public bool IsActive { get; set; }

    /// <summary>Whether the staff member manages some store.</summary>
    public bool IsStoreManager { get; set; }
}
