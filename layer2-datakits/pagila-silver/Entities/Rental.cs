using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Rental</c>: A rental of an inventory item. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Rental : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int RentalId { get; set; }

    /// <summary>When the item was rented (UTC).</summary>
    public DateTime RentalDate { get; set; }

    /// <summary>The inventory item (foreign key).</summary>
    public int InventoryId { get; set; }

    /// <summary>The customer (foreign key).</summary>
    public int CustomerId { get; set; }

    /// <summary>When the item was returned (UTC); NULL while out. Never before <see cref="RentalDate"/>.</summary>
    public DateTime? ReturnDate { get; set; }

    /// <summary>The staff member (foreign key).</summary>
    public int StaffId { get; set; }

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
