using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Staff</c>: A staff member. The source's password is never extracted. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Staff : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int StaffId { get; set; }

    /// <summary>The first name, trimmed.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name, trimmed.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>The address (foreign key).</summary>
    public int AddressId { get; set; }

    /// <summary>The e-mail, trimmed and lower-cased; NULL when blank or not <c>local@domain.tld</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The store (foreign key).</summary>
    public int StoreId { get; set; }

    /// <summary>Whether the staff member is active.</summary>
    public bool IsActive { get; set; }

    /// <summary>The user name, trimmed.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The picture, as in the source.</summary>
    public byte[]? Picture { get; set; }

    /// <summary>The source's <c>last_update</c> (UTC).</summary>
    public DateTime? LastUpdate { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc />
    public DateTime UpdatedAt { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
