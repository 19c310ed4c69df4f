namespace DataPlatform.Framework.Internal.Ledger;

/// <summary>
/// One row of <c>dataplatform.quarantine</c>: a source row a transform rejected, with the first rule it failed. There is one
/// open entry per (table, row key, rule): every batch that finds the row failing again updates it, and the first batch
/// that no longer does resolves it. Deployed with the ledger (<see cref="LedgerContext"/>), written by the transform
/// runner in the run's transaction; resolved entries are purged after the retention period.
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

    /// <summary>When the row was first quarantined for this rule. UTC.</summary>
    public DateTime QuarantinedAt { get; set; }

    /// <summary>The latest batch that found the row still failing the rule; null: only <see cref="BatchId"/>.</summary>
    public long? LastSeenBatchId { get; set; }

    /// <summary>The batch in which the row no longer failed the rule (it passed, failed another rule, or left the source); null while open.</summary>
    public long? ResolvedBatchId { get; set; }

    /// <summary>When the entry was resolved. UTC.</summary>
    public DateTime? ResolvedAt { get; set; }
}
