namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>What one extraction did to one bronze table (the same figures are in the batch ledger).</summary>
public sealed record PagilaBronzeTableResult
{
    /// <summary>The source table, e.g. <c>rental</c>.</summary>
    public required string Table { get; init; }

    /// <summary>The bronze table, schema-qualified: <c>br__pagila__public.rental</c>.</summary>
    public required string BronzeTable { get; init; }

    /// <summary>Rows read from the source.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows appended to bronze (upserts plus <see cref="RowsDeleted"/>).</summary>
    public long RowsWritten { get; init; }

    /// <summary>Rows read inside the safety-lag window whose latest bronze version already had the same record hash.</summary>
    public long RowsUnchanged { get; init; }

    /// <summary><c>delete</c> rows appended for keys missing from a full snapshot.</summary>
    public long RowsDeleted { get; init; }

    /// <summary>The cursor the run started from (null for a first or full extraction).</summary>
    public string? CursorBefore { get; init; }

    /// <summary>The cursor the next incremental run continues from.</summary>
    public string? CursorAfter { get; init; }

    /// <summary>Wall-clock time of the table's extraction.</summary>
    public TimeSpan Elapsed { get; init; }
}
