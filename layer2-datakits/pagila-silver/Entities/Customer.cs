using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Customer</c>: A customer. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Customer : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int CustomerId { get; set; }

    /// <summary>The home store (foreign key).</summary>
    public int StoreId { get; set; }

    /// <summary>The first name, trimmed.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary>The last name, trimmed.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary>The e-mail, trimmed and lower-cased; NULL when blank or not <c>local@domain.tld</c>.</summary>
    public string? Email { get; set; }

    /// <summary>The address (foreign key).</summary>
    public int AddressId { get; set; }

    /// <summary><c>active = 1</c> in the source.</summary>
    public bool IsActive { get; set; }

    /// <summary>When the customer was created.</summary>
    public DateOnly CreateDate { get; set; }

    /// <summary>The source's <c>last_update</c> (UTC); nullable in the source.</summary>
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
