using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Inventory</c>: A copy of a film held by a store. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Inventory : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int InventoryId { get; set; }

    /// <summary>The film (foreign key).</summary>
    public int FilmId { get; set; }

    /// <summary>The store (foreign key).</summary>
    public int StoreId { get; set; }

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
