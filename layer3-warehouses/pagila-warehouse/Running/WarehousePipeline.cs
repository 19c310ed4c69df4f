using System.Diagnostics;
using System.Globalization;
using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Schema;
using DataPlatform.Warehouses.Pagila.Embedded;
using DataPlatform.Warehouses.Pagila.Output;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>
/// One run of the Pagila warehouse, called with the run lock held: make sure the source exists (synthetic), deploy what
/// is missing, mark abandoned batches failed, then source → bronze → silver → gold as one ledger batch. Every table step
/// commits its data together with its ledger row, so a killed run leaves only whole steps behind and the next run
/// continues from the last committed cursors.
/// </summary>
internal sealed class WarehousePipeline(ILoggerFactory loggerFactory)
{
    /// <summary>The pipeline name in the ledger.</summary>
    public const string PipelineName = "pagila";

    private const int BronzeParallelism = 2;

    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Warehouses.Pagila.Pipeline");

    public async Task<PipelineOutcome> RunAsync(PipelineRequest request, IRunProgress progress, CancellationToken ct)
    {
        var steps = new List<StepResult>();
        var layerTimes = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var run = request.Run;
        var fullRefresh = run.FullRefresh;

        var source = request.SourceConnectionString;
        if (source is null)
        {
            var server = request.Embedded?.ServerConnectionString ?? request.WarehouseConnectionString;
            var database = request.Embedded is not null
                ? EmbeddedWarehouse.SourceDatabase
                : SyntheticSource.DatabaseNextTo(Databases.DatabaseOf(request.WarehouseConnectionString));
            progress.Phase($"Checking the synthetic source (database {database}, scale {run.Scale.ToString(CultureInfo.InvariantCulture)})");
            var generated = await SyntheticSource.EnsureAsync(server, database, run.Scale, run.DirtyRate, loggerFactory, _logger, ct);
            if (generated is not null)
            {
                steps.Add(generated);
                layerTimes[PipelineLayers.Source] = generated.Elapsed;

                // A regenerated source reuses ids and timestamps, so incremental cursors would miss its rows: read it all.
                fullRefresh = true;
            }

            source = Databases.WithDatabase(server, database);
        }

        var warehouse = request.WarehouseConnectionString;
        progress.Phase($"Deploying schemas to {Databases.Describe(warehouse)} (ledger, bronze, silver, gold)");
        await DeployAsync(warehouse, ct);

        await using var warehouseData = NpgsqlDataSource.Create(Databases.ForBatchWork(warehouse));
        await using var sourceData = NpgsqlDataSource.Create(Databases.ForBatchWork(source));
        await using var ledger = new BatchLedger(warehouseData, loggerFactory);

        var abandoned = await ledger.MarkAbandonedBatchesFailedAsync(ct);
        if (abandoned.Count > 0)
        {
            Log.AbandonedBatches(_logger, abandoned.Count, string.Join(", ", abandoned));
        }

        if (run.BatchId is { } requestedId)
        {
            await ReserveBatchIdAsync(warehouseData, requestedId, ct);
        }

        var batchId = await ledger.StartBatchAsync(PipelineName, ct);
        if (run.BatchId is { } expected && expected != batchId)
        {
            await ledger.FailBatchAsync(batchId, $"--batch-id {expected} was requested but the ledger assigned {batchId}", CancellationToken.None);
            throw new InvalidOperationException($"--batch-id {expected} could not be used: another batch took it first.");
        }

        Log.BatchStarted(_logger, batchId, Databases.Describe(warehouse), Databases.Describe(source));
        var clock = Stopwatch.StartNew();
        try
        {
            // One run time for the whole batch: silver's soft deletes and gold's SCD2 version boundaries agree.
            var runTime = DateTime.UtcNow;
            var layerClock = Stopwatch.StartNew();
            steps.AddRange(await RunBronzeAsync(sourceData, warehouseData, ledger, batchId, fullRefresh, progress, ct));
            layerTimes[PipelineLayers.Bronze] = layerClock.Elapsed;
            layerClock.Restart();
            steps.AddRange(await RunSilverAsync(warehouseData, ledger, batchId, runTime, progress, ct));
            layerTimes[PipelineLayers.Silver] = layerClock.Elapsed;
            layerClock.Restart();
            steps.AddRange(await RunGoldAsync(warehouseData, ledger, batchId, runTime, progress, ct));
            layerTimes[PipelineLayers.Gold] = layerClock.Elapsed;
            await ledger.CompleteBatchAsync(batchId, ct);
        }
        catch (Exception e)
        {
            await FailAsync(ledger, batchId, e);
            if (e is OperationCanceledException && ct.IsCancellationRequested)
            {
                throw;
            }

            throw new BatchFailedException(batchId, e);
        }

        Log.BatchSucceeded(_logger, batchId, clock.Elapsed.TotalSeconds);
        return new PipelineOutcome(batchId, steps, layerTimes, await CountSilverRowsAsync(warehouseData, ct));
    }

    private async Task DeployAsync(string warehouse, CancellationToken ct)
    {
        var deployer = new SchemaDeployer(loggerFactory);
        await using (var ledger = LedgerContext.Create(warehouse))
        {
            await deployer.DeployAsync(ledger, warehouse, ct);
        }

        await using (var bronze = PagilaBronzeContext.Create(warehouse))
        {
            await deployer.DeployAsync(bronze, warehouse, ct);
        }

        await using (var silver = PagilaSilverContext.Create(warehouse))
        {
            await deployer.DeployAsync(silver, warehouse, ct);
        }

        await using (var gold = PagilaGoldContext.Create(warehouse))
        {
            await deployer.DeployAsync(gold, warehouse, ct);
        }
    }

    private async Task<IReadOnlyList<StepResult>> RunBronzeAsync(
        NpgsqlDataSource source, NpgsqlDataSource warehouse, BatchLedger ledger, long batchId, bool fullRefresh, IRunProgress progress, CancellationToken ct)
    {
        Log.LayerStarted(_logger, PipelineLayers.Bronze);
        var clock = Stopwatch.StartNew();
        var tables = await PagilaBronze.Layer.WithParallelism(BronzeParallelism)
            .ExtractAsync(source, warehouse, ledger, batchId, fullRefresh, new BronzeProgress(progress), loggerFactory, ct);
        Log.LayerCompleted(_logger, PipelineLayers.Bronze, clock.Elapsed.TotalSeconds);
        return [.. tables.Select(BronzeProgress.ToStep)];
    }

    private async Task<IReadOnlyList<StepResult>> RunSilverAsync(
        NpgsqlDataSource warehouse, BatchLedger ledger, long batchId, DateTime runTime, IRunProgress progress, CancellationToken ct)
    {
        Log.LayerStarted(_logger, PipelineLayers.Silver);
        var clock = Stopwatch.StartNew();
        progress.Phase($"silver: {PagilaSilverTransforms.Tables.Count} tables in one transaction");
        await PagilaSilverTransforms.RunAsync(warehouse, batchId, ledger, runTime, loggerFactory, ct);
        var steps = await LedgerSteps.ReadAsync(warehouse, batchId, PipelineLayers.Silver, PagilaSilverTransforms.Tables, ct);
        Report(progress, steps);
        Log.LayerCompleted(_logger, PipelineLayers.Silver, clock.Elapsed.TotalSeconds);
        return steps;
    }

    // Layers that commit as one transaction report their tables once it has committed.
    private static void Report(IRunProgress progress, IReadOnlyList<StepResult> steps)
    {
        foreach (var step in steps)
        {
            progress.BeginTable(step.Layer, step.Table).Complete(step);
        }
    }

    private async Task<IReadOnlyList<StepResult>> RunGoldAsync(
        NpgsqlDataSource warehouse, BatchLedger ledger, long batchId, DateTime runTime, IRunProgress progress, CancellationToken ct)
    {
        Log.LayerStarted(_logger, PipelineLayers.Gold);
        var clock = Stopwatch.StartNew();
        progress.Phase($"gold: {PagilaGoldTransforms.Tables.Count} tables in one transaction");
        await PagilaGoldTransforms.RunAsync(warehouse, batchId, ledger, runTime, loggerFactory, ct);
        var steps = await LedgerSteps.ReadAsync(warehouse, batchId, PipelineLayers.Gold, PagilaGoldTransforms.Tables, ct);
        Report(progress, steps);
        Log.LayerCompleted(_logger, PipelineLayers.Gold, clock.Elapsed.TotalSeconds);
        return steps;
    }

    private static async Task<long> CountSilverRowsAsync(NpgsqlDataSource warehouse, CancellationToken ct)
    {
        var schema = SchemaNames.For(PipelineName, DatakitLayer.Silver);
        var counts = PagilaSilverTransforms.Tables.Select(t => $"(SELECT count(*) FROM {SqlIdentifier.Quote(schema, t)})");
        await using var command = warehouse.CreateCommand("SELECT " + string.Join(" + ", counts));
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ReserveBatchIdAsync(NpgsqlDataSource warehouse, long batchId, CancellationToken ct)
    {
        // Runs under the run lock: the next identity value becomes the requested id, which must be above every existing one.
        await using var command = warehouse.CreateCommand(
            "SELECT coalesce(max(batch_id), 0) FROM dataplatform.batch");
        var max = (long)(await command.ExecuteScalarAsync(ct))!;
        if (batchId <= max)
        {
            throw new ArgumentException($"--batch-id {batchId} is not above the newest batch id {max} in the ledger.");
        }

        await using var setval = warehouse.CreateCommand(
            "SELECT setval(pg_get_serial_sequence('dataplatform.batch', 'batch_id'), @id, false)");
        setval.Parameters.AddWithValue("id", batchId);
        await setval.ExecuteNonQueryAsync(ct);
    }

    private async Task FailAsync(BatchLedger ledger, long batchId, Exception cause)
    {
        try
        {
            var message = cause is OperationCanceledException ? "cancelled" : cause.GetType().Name + ": " + cause.Message;
            await ledger.FailBatchAsync(batchId, message, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The ledger's owner session is gone with the connection; the next run marks the batch failed as abandoned.
            Log.BatchFailed(_logger, e, batchId, "could not mark the batch failed: " + e.Message);
        }
    }
}
