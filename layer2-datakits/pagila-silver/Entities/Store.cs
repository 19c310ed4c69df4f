using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Store</c>: A store. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Store : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int StoreId { get; set; }

    /// <summary>The staff member managing the store (not a foreign key, as in the source: staff and store reference each other).</summary>
    public int ManagerStaffId { get; set; }

    /// <summary>The address (foreign key).</summary>
    public int AddressId { get; set; }

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
