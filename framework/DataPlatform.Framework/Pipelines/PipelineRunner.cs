using System.Diagnostics;
using DataPlatform.Framework.Internal.Telemetry;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// Runs the layers of a <see cref="PipelineDefinition"/> in order as one ledger batch. It marks batches abandoned by
/// killed runs failed, reserves a requested batch id, starts the batch, picks the one run time of the batch, runs each
/// layer with a <see cref="PipelineLayerRun"/>, and completes the batch, or marks it failed when a layer fails or the
/// run is cancelled. Call it while holding the pipeline's run lock in the warehouse (one run per pipeline and warehouse at a time; pipelines sharing a database may overlap).
/// A run is traced as a batch span with one span per layer and per table step, and its committed tables and its outcome
/// are counted in the metrics (<see cref="DataPlatformTelemetry"/>).
/// </summary>
public sealed class PipelineRunner
{
    private readonly PipelineDefinition _definition;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates a runner for <paramref name="definition"/> that logs through <paramref name="loggerFactory"/> (no logging when null).</summary>
    public PipelineRunner(PipelineDefinition definition, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<PipelineRunner>();
    }

    /// <summary>Runs every layer as one batch and returns what each table step did.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The requested batch id is not above the ledger's newest id; no batch was started.</exception>
    /// <exception cref="SourceMismatchException">The source is not the one the pipeline was loaded from and <see cref="PipelineRunRequest.NewSource"/> is not set; no batch was started.</exception>
    /// <exception cref="PipelineFailedException">A layer failed; the batch is marked failed and the cause is the inner exception.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; the batch is marked failed.</exception>
    public async Task<PipelineResult> RunAsync(PipelineRunRequest request, IPipelineProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        progress = new MeteredPipelineProgress(progress ?? NullPipelineProgress.Instance, _definition.Name);
        using var batchActivity = PipelineTelemetry.StartBatch(_definition.Name);
        try
        {
            return await RunBatchAsync(request, progress, batchActivity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            PipelineTelemetry.Fail(batchActivity, exception is PipelineFailedException { InnerException: { } cause } ? cause : exception);
            throw;
        }
    }

    private async Task<PipelineResult> RunBatchAsync(PipelineRunRequest request, IPipelineProgress progress, Activity? batchActivity, CancellationToken cancellationToken)
    {
        var ledger = new BatchLedger(request.Warehouse, _loggerFactory);
        await using (ledger.ConfigureAwait(false))
        {
            var abandoned = await ledger.MarkAbandonedBatchesFailedAsync(cancellationToken).ConfigureAwait(false);
            if (abandoned.Count > 0)
            {
                PipelineLog.AbandonedBatches(_logger, abandoned.Count, string.Join(", ", abandoned));
            }

            var source = await BatchLedger.ReadSourceIdentityAsync(request.Source, _definition.Name, cancellationToken).ConfigureAwait(false);
            var recorded = await ledger.GetSourceIdentityAsync(_definition.Name, cancellationToken).ConfigureAwait(false);
            var newSource = recorded is not null && !recorded.IsSameSource(source);
            if (newSource && !request.NewSource)
            {
                throw new SourceMismatchException(recorded!, source);
            }

            var batchId = await StartBatchAsync(ledger, request.BatchId, cancellationToken).ConfigureAwait(false);
            source.BatchId = batchId;
            batchActivity?.SetTag(DataPlatformTelemetry.BatchIdTag, batchId);
            PipelineLog.BatchStarted(_logger, batchId, _definition.Name);
            var clock = Stopwatch.StartNew();
            var tables = new List<TableResult>();
            var layerTimes = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            try
            {
                if (recorded is null)
                {
                    // First contact: recorded at once, so even a failed first batch ties its partial data to this source.
                    await ledger.RecordSourceIdentityAsync(source, cancellationToken).ConfigureAwait(false);
                }

                // One run time for the whole batch: soft-delete stamps and SCD2 version boundaries of every layer agree.
                var run = new PipelineLayerRun(
                    _definition.Name, batchId, DateTime.UtcNow, request.FullRefresh || newSource, request.Source, request.Warehouse, ledger, progress, _loggerFactory, request.VerifyRunLock);
                foreach (var layer in _definition.Layers)
                {
                    PipelineLog.LayerStarted(_logger, layer.Name);
                    var layerClock = Stopwatch.StartNew();
                    tables.AddRange(await RunLayerAsync(layer, run, cancellationToken).ConfigureAwait(false));
                    layerTimes[layer.Name] = layerClock.Elapsed;
                    PipelineLog.LayerCompleted(_logger, layer.Name, layerClock.Elapsed.TotalSeconds);
                }

                if (request.QuarantineRetention is { } retention)
                {
                    await ledger.PurgeResolvedQuarantineAsync(retention, cancellationToken).ConfigureAwait(false);
                }

                await run.EnsureExclusiveAsync(cancellationToken).ConfigureAwait(false);
                if (newSource)
                {
                    // Only a complete full read of the new source replaces the recorded one; a failed attempt is refused again.
                    await ledger.RecordSourceIdentityAsync(source, cancellationToken).ConfigureAwait(false);
                }

                await ledger.CompleteBatchAsync(batchId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                await FailAsync(ledger, batchId, exception).ConfigureAwait(false);
                if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    PipelineTelemetry.BatchFinished(_definition.Name, DataPlatformTelemetry.Cancelled);
                    throw;
                }

                PipelineTelemetry.BatchFinished(_definition.Name, DataPlatformTelemetry.Failed, exception);
                throw new PipelineFailedException(batchId, exception);
            }

            PipelineTelemetry.BatchFinished(_definition.Name, DataPlatformTelemetry.Succeeded);
            PipelineLog.BatchSucceeded(_logger, batchId, clock.Elapsed.TotalSeconds);
            return new PipelineResult(batchId, tables, layerTimes);
        }
    }

    private async Task<IReadOnlyList<TableResult>> RunLayerAsync(PipelineLayer layer, PipelineLayerRun run, CancellationToken cancellationToken)
    {
        using var activity = PipelineTelemetry.StartLayer(_definition.Name, layer.Name);
        try
        {
            return await layer.RunAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            PipelineTelemetry.Fail(activity, exception);
            throw;
        }
    }

    private async Task<long> StartBatchAsync(BatchLedger ledger, long? requested, CancellationToken cancellationToken)
    {
        if (requested is { } id)
        {
            await ledger.ReserveBatchIdAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var batchId = await ledger.StartBatchAsync(_definition.Name, cancellationToken).ConfigureAwait(false);
        if (requested is { } expected && expected != batchId)
        {
            await ledger.FailBatchAsync(batchId, $"batch id {expected} was requested but the ledger assigned {batchId}", CancellationToken.None).ConfigureAwait(false);
            throw new InvalidOperationException($"Batch id {expected} could not be used: another batch took it first.");
        }

        return batchId;
    }

    private async Task FailAsync(BatchLedger ledger, long batchId, Exception cause)
    {
        try
        {
            var message = cause is OperationCanceledException ? "cancelled" : cause.GetType().Name + ": " + cause.Message;
            await ledger.FailBatchAsync(batchId, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The ledger's owner session is gone with the connection; the next run marks the batch failed as abandoned.
            PipelineLog.CannotMarkFailed(_logger, exception, batchId, exception.Message);
        }
    }
}
