using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Payment</c>: A payment. Amounts are never negative. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Payment : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int PaymentId { get; set; }

    /// <summary>The customer (foreign key).</summary>
    public int CustomerId { get; set; }

    /// <summary>The staff member (foreign key).</summary>
    public int StaffId { get; set; }

    /// <summary>The rental (foreign key).</summary>
    public int RentalId { get; set; }

    /// <summary>The amount (never negative).</summary>
    public decimal Amount { get; set; }

    /// <summary>When the payment was made (UTC).</summary>
    public DateTime PaymentDate { get; set; }

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
