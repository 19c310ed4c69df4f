using DataPlatform.Framework.Ledger;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Pipelines;

/// <summary>What a <see cref="PipelineLayer"/> gets from the runner for one batch.</summary>
public sealed class PipelineLayerRun
{
    private readonly Func<CancellationToken, Task>? _verifyRunLock;

    internal PipelineLayerRun(
        string pipeline,
        long batchId,
        DateTime runTime,
        bool fullRefresh,
        NpgsqlDataSource source,
        NpgsqlDataSource warehouse,
        BatchLedger ledger,
        IPipelineProgress progress,
        ILoggerFactory loggerFactory,
        Func<CancellationToken, Task>? verifyRunLock = null)
    {
        _verifyRunLock = verifyRunLock;
        Pipeline = pipeline;
        BatchId = batchId;
        RunTime = runTime;
        FullRefresh = fullRefresh;
        Source = source;
        Warehouse = warehouse;
        Ledger = ledger;
        Progress = progress;
        LoggerFactory = loggerFactory;
    }

    /// <summary>The pipeline name in the ledger, e.g. <c>pagila</c>.</summary>
    public string Pipeline { get; }

    /// <summary>The running ledger batch.</summary>
    public long BatchId { get; }

    /// <summary>The one time of the batch (UTC): soft-delete stamps and SCD2 change times of every layer agree.</summary>
    public DateTime RunTime { get; }

    /// <summary>Whether the caller asked to re-read every source table in full.</summary>
    public bool FullRefresh { get; }

    /// <summary>The source database.</summary>
    public NpgsqlDataSource Source { get; }

    /// <summary>The warehouse database (bronze, silver, gold and the ledger).</summary>
    public NpgsqlDataSource Warehouse { get; }

    /// <summary>The batch ledger; layers record their tables inside their data transactions.</summary>
    public BatchLedger Ledger { get; }

    /// <summary>Where the layer reports what it is doing.</summary>
    public IPipelineProgress Progress { get; }

    /// <summary>Logging.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>
    /// Throws unless this run still owns its batch (the ledger's owner session holds the batch's advisory lock) and, when
    /// the caller gave one, still holds its run lock. Call it right before committing a layer's work: a run whose lock
    /// session was dropped may be overlapping another run, so it must fail instead of committing.
    /// </summary>
    /// <exception cref="InvalidOperationException">A lock is no longer held.</exception>
    /// <exception cref="NpgsqlException">A lock session's connection is broken.</exception>
    public async Task EnsureExclusiveAsync(CancellationToken cancellationToken)
    {
        await Ledger.EnsureOwnedAsync(BatchId, cancellationToken).ConfigureAwait(false);
        if (_verifyRunLock is not null)
        {
            await _verifyRunLock(cancellationToken).ConfigureAwait(false);
        }
    }
}
