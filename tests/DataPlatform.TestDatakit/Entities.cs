using DataPlatform.Framework.Mixins;

namespace DataPlatform.TestDatakit;

/// <summary>Reference data (soft delete).</summary>
public sealed class Country : IReferenceData
{
    public int Id { get; set; }

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateTime? InactivatedDate { get; set; }

    public DateTime Systime { get; set; }
}

/// <summary>Transactional data with a foreign key to <see cref="Country"/>.</summary>
public sealed class Customer : ITransactionalData
{
    public int Id { get; set; }

    public int CountryId { get; set; }

    public Country? Country { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Email { get; set; }

    public int Score { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime Systime { get; set; }
}

/// <summary>Temporal and transactional data with a column excluded from history.</summary>
public sealed class Contract : ITemporalData, ITransactionalData
{
    public long Id { get; set; }

    public int CustomerId { get; set; }

    public decimal Amount { get; set; }

    public string Status { get; set; } = "open";

    [ExcludeFromHistory]
    public string? InternalNote { get; set; }

    public DateTime EffectiveTime { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime Systime { get; set; }
}

/// <summary>A bronze record.</summary>
public sealed class RawEvent : IBronzeRecord
{
    public long EventId { get; set; }

    public string? Payload { get; set; }

    public long DpBatchId { get; set; }

    public byte[] DpRecordHash { get; set; } = [];

    public BronzeOperation DpOperation { get; set; }
}
