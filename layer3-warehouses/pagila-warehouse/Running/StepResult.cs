namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>What one table step of a run did: rows read, written and quarantined, and how long it took.</summary>
internal sealed record StepResult(string Layer, string Table, long RowsRead, long RowsWritten, long RowsQuarantined, TimeSpan Elapsed)
{
    /// <summary>Rows handled per second (the larger of read and written, over the elapsed time).</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Math.Max(RowsRead, RowsWritten) / Elapsed.TotalSeconds : 0;
}
