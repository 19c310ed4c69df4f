namespace DataPlatform.Framework.Ledger;

/// <summary>One row of <c>dataplatform.batch_table</c>: what a batch did to one table of one layer.</summary>
public sealed class BatchTable
{
    /// <summary>The batch.</summary>
    public long BatchId { get; set; }

    /// <summary>The layer, e.g. <c>bronze</c>, <c>silver</c>, <c>gold</c>.</summary>
    public string Layer { get; set; } = string.Empty;

    /// <summary>The table, schema-qualified (<c>br__pagila__public.film</c>).</summary>
    public string TableName { get; set; } = string.Empty;

    /// <summary>Rows read from the layer below (or the source).</summary>
    public long RowsRead { get; set; }

    /// <summary>
    /// Rows written to the table, as the statements counted them: bronze, the rows appended (changed rows and delete rows);
    /// silver and gold, the input rows now represented in the table (inserted, updated, already equal, soft-deleted).
    /// </summary>
    public long RowsWritten { get; set; }

    /// <summary>Rows sent to quarantine.</summary>
    public long RowsQuarantined { get; set; }

    /// <summary>
    /// Rows read that equal what the table already holds and were left as they were. Bronze does not append them: it reads
    /// <c>RowsWritten</c> minus its delete rows plus these. Silver and gold count them in <c>RowsWritten</c> too: they read
    /// <c>RowsWritten + RowsQuarantined</c>. 0 in ledgers written before the column existed.
    /// </summary>
    public long RowsUnchanged { get; set; }

    /// <summary>The incremental cursor before the load (JSON or plain text); NULL for a first or full load.</summary>
    public string? WatermarkBefore { get; set; }

    /// <summary>The incremental cursor after the load; the next run starts from here.</summary>
    public string? WatermarkAfter { get; set; }

    /// <summary>When the table's load started. UTC.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When the table's load finished. UTC.</summary>
    public DateTime FinishedAt { get; set; }

    /// <summary>Duration in seconds.</summary>
    public decimal Seconds { get; set; }

    /// <summary>The source table the rows came from (bronze: <c>public.film</c>), or null.</summary>
    public string? SourceTable { get; set; }

    /// <summary>The batch this row belongs to.</summary>
    public Batch? Batch { get; set; }
}
