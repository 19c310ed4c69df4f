using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Datakits.Pagila.Tests.Support;

/// <summary>One bronze extraction run as one batch: its id and per-table results.</summary>
public sealed record BronzeRun(long BatchId, IReadOnlyList<TableResult> Tables)
{
    public long RowsWritten => Tables.Sum(t => t.RowsWritten);
}
