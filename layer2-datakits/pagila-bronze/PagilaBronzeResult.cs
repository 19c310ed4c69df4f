namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>What one <see cref="PagilaBronzeExtractor"/> run did, per table.</summary>
/// <param name="BatchId">The ledger batch the rows were stamped with.</param>
/// <param name="Tables">One result per extracted table, in <c>PagilaTables.All</c> order.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record PagilaBronzeResult(long BatchId, IReadOnlyList<PagilaBronzeTableResult> Tables, TimeSpan Elapsed)
{
    /// <summary>Rows read from the source over all tables.</summary>
    public long RowsRead => Tables.Sum(t => t.RowsRead);

    /// <summary>Rows appended to bronze over all tables.</summary>
    public long RowsWritten => Tables.Sum(t => t.RowsWritten);
}
