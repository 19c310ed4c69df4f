namespace DataPlatform.Framework.Internal.Ledger;

/// <summary>
/// One row of <c>dataplatform.quarantine</c>: a source row a transform rejected, with the first rule it failed. Deployed
/// with the ledger (<see cref="LedgerContext"/>), written by the transform runner in the run's transaction.
/// </summary>
internal sealed class QuarantineEntry
{
    /// <summary>The row id (identity).</summary>
    public long QuarantineId { get; set; }

    /// <summary>The batch that rejected the row.</summary>
    public long BatchId { get; set; }

    /// <summary>The transform that rejected the row.</summary>
    public string Transform { get; set; } = string.Empty;

    /// <summary>The target table, <c>schema.table</c>.</summary>
    public string TableName { get; set; } = string.Empty;

    /// <summary>The row's key members joined by <c>|</c>.</summary>
    public string RowKey { get; set; } = string.Empty;

    /// <summary>The first rule the row failed.</summary>
    public string Rule { get; set; } = string.Empty;

    /// <summary>The rule's message.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>The raw source row as JSON.</summary>
    public string RawRow { get; set; } = "{}";

    /// <summary>When the row was quarantined. UTC.</summary>
    public DateTime QuarantinedAt { get; set; }
}
