
namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// What one layer did to one table in a batch; the same figures are in the ledger's <c>batch_table</c> row.
/// <c>RowsRead = RowsWritten + RowsQuarantined</c> for silver and gold; bronze's unchanged rows are read, not written.
/// </summary>
/// <param name="Layer">The layer: <c>bronze</c>, <c>silver</c>, <c>gold</c>.</param>
/// <param name="Table">The table name without schema, e.g. <c>rental</c>.</param>
/// <param name="RowsRead">Rows read from the layer below (or the source).</param>
/// <param name="RowsWritten">Input rows now represented in the table (inserted, updated, already equal, deleted).</param>
/// <param name="RowsQuarantined">Rows sent to the quarantine table.</param>
/// <param name="Elapsed">Wall-clock time of the table's steps.</param>
public sealed record TableResult(string Layer, string Table, long RowsRead, long RowsWritten, long RowsQuarantined, TimeSpan Elapsed)
{
    /// <summary>Rows inserted (bronze: rows appended).</summary>
    public long RowsInserted { get; init; }

    /// <summary>Existing rows whose values changed.</summary>
    public long RowsUpdated { get; init; }

    /// <summary>Rows deleted or soft-deleted (bronze: delete rows appended for keys gone from the source).</summary>
    public long RowsDeleted { get; init; }

    /// <summary>Rows read that were already equal and left untouched.</summary>
    public long RowsUnchanged { get; init; }

    /// <summary>
    /// The quarantined rows by the rule they failed (first failing rule per row), when the layer knows them (transform
    /// layers); empty otherwise. Sums to <see cref="RowsQuarantined"/> when filled.
    /// </summary>
    public IReadOnlyDictionary<string, long> RowsQuarantinedByRule { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The incremental cursor before the table's step (bronze), or null.</summary>
    public string? CursorBefore { get; init; }

    /// <summary>The incremental cursor after the table's step (bronze), or null.</summary>
    public string? CursorAfter { get; init; }

    /// <summary>Rows handled per second: the larger of read and written over the elapsed time.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Math.Max(RowsRead, RowsWritten) / Elapsed.TotalSeconds : 0;
}
