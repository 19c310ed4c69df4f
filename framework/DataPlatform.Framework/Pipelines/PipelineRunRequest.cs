using Npgsql;

namespace DataPlatform.Framework.Pipelines;

/// <summary>What one <see cref="PipelineRunner.RunAsync"/> call runs against, and how.</summary>
/// <param name="Source">The source database.</param>
/// <param name="Warehouse">The warehouse database (its schemas deployed, e.g. with <see cref="Schema.WarehouseSchema"/>).</param>
public sealed record PipelineRunRequest(NpgsqlDataSource Source, NpgsqlDataSource Warehouse)
{
    /// <summary>Re-read every source table in full instead of incrementally.</summary>
    public bool FullRefresh { get; init; }

    /// <summary>
    /// Accept a source other than the one recorded in the ledger for this pipeline: the new source is recorded and read in
    /// full. Without it such a run throws <see cref="SourceMismatchException"/> before starting a batch.
    /// </summary>
    public bool NewSource { get; init; }

    /// <summary>
    /// Checks that the caller's run lock (e.g. a host's session-level advisory lock) is still held; called with the batch's
    /// own ownership check before every commit (<see cref="PipelineLayerRun.EnsureExclusiveAsync"/>). It throws when not.
    /// </summary>
    public Func<CancellationToken, Task>? VerifyRunLock { get; init; }

    /// <summary>How long resolved quarantine entries are kept before a successful run deletes them; null keeps them. Default: 30 days.</summary>
    public TimeSpan? QuarantineRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The id the batch must get in the ledger (above every existing id); null: the next free id.</summary>
    public long? BatchId { get; init; }
}
