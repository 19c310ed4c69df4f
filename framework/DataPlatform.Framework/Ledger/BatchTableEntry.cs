namespace DataPlatform.Framework.Ledger;

/// <summary>What to record for one table of a batch with <see cref="BatchLedger.RecordTableAsync"/>.</summary>
public sealed record BatchTableEntry
{
    /// <summary>The layer, e.g. <c>bronze</c>.</summary>
    public required string Layer { get; init; }

    /// <summary>The table, schema-qualified.</summary>
    public required string TableName { get; init; }

    /// <summary>Rows read.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows written.</summary>
    public long RowsWritten { get; init; }

    /// <summary>Rows quarantined.</summary>
    public long RowsQuarantined { get; init; }

    /// <summary>Rows read that equal what the table already holds and were left as they were; see <see cref="BatchTable.RowsUnchanged"/>.</summary>
    public long RowsUnchanged { get; init; }

    /// <summary>The cursor before the load.</summary>
    public string? WatermarkBefore { get; init; }

    /// <summary>The cursor after the load.</summary>
    public string? WatermarkAfter { get; init; }

    /// <summary>When the table's load started. UTC.</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>When the table's load finished. UTC.</summary>
    public required DateTime FinishedAt { get; init; }

    /// <summary>The source table the rows came from (bronze: <c>public.film</c>), or null.</summary>
    public string? SourceTable { get; init; }
}
