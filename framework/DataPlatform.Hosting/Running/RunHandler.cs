using System.Diagnostics;
using System.Globalization;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting.Embedded;
using DataPlatform.Hosting.Output;
using DataPlatform.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;

namespace DataPlatform.Hosting.Running;

/// <summary>
/// Handles <c>run</c>: resolves the warehouse (explicit or embedded), takes the run lock, makes sure there is a
/// source, deploys what is missing, runs the pipeline as one batch, prints the summary and maps failures to exit codes.
/// </summary>
internal sealed class RunHandler(
    WarehouseHostDefinition definition, ConsoleOutput output, LogLevelSwitch logLevel, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Hosting.Run");

    public async Task<int> RunAsync(RunRequest request, LogLevel requestedLogLevel, CancellationToken ct)
    {
        // The console exporter writes spans on stdout while the run goes on: no live display under it.
        var live = output.IsTerminal && !request.NoProgress && !request.Json && request.Telemetry != TelemetryExporter.Console;

        // The live display owns the terminal; keep routine log lines out of its way unless asked for.
        logLevel.MinimumLevel = live && requestedLogLevel == LogLevel.Information ? LogLevel.Warning : requestedLogLevel;
        if (request.UsesSyntheticSource && definition.SyntheticSource is null)
        {
            Log.SetupError(_logger, $"--source (or ${EnvironmentVariables.Source}) is required: {definition.CommandName} has no synthetic source.");
            return ExitCodes.Error;
        }

        if (request.SourceConnectionString is null && request.WarehouseConnectionString is not null)
        {
            // A forgotten --source must not turn a real warehouse into a synthetic one.
            Log.SetupError(_logger, $"--source (or ${EnvironmentVariables.Source}) is required with --warehouse: give the source's connection string, "
                + $"or --source {RunRequest.SyntheticSource} to generate a synthetic source next to the warehouse.");
            return ExitCodes.Error;
        }

        var stopwatch = Stopwatch.StartNew();

        // Disposed after the summary: the last spans and the metrics are flushed when the run's output is complete.
        using var telemetry = HostTelemetry.Start(request.Telemetry, definition.CommandName);
        try
        {
            EmbeddedCluster? embedded = null;
            var home = request.WarehouseConnectionString is null ? Path.GetFullPath(request.DataDirectory ?? EmbeddedCluster.DefaultHomeDirectory()) : null;
            using var embeddedLock = home is null ? null : EmbeddedRunLock.TryAcquire(home, definition.Pipeline.Name);
            if (home is not null)
            {
                if (embeddedLock is null)
                {
                    Log.LockHeld(_logger, $"the embedded {definition.Pipeline.Name} warehouse in {home}");
                    return ExitCodes.LockHeld;
                }

                Log.EmbeddedStarting(_logger, home);
                embedded = await EmbeddedCluster.StartAsync(definition, home, request.KeepRunning, loggerFactory, ct);
            }

            await using (embedded)
            {
                var warehouse = embedded?.WarehouseConnectionString ?? request.WarehouseConnectionString!;
                await using var runLock = await AcquireLockAsync(warehouse, ct);
                if (runLock is null)
                {
                    Log.LockHeld(_logger, Databases.Describe(warehouse));
                    return ExitCodes.LockHeld;
                }

                var (result, holding) = await WithProgressAsync(live, progress => RunPipelineAsync(request, warehouse, embedded, runLock, progress, ct));
                stopwatch.Stop();

                if (request.Json)
                {
                    JsonSummaryWriter.Write(output.Writer, result, stopwatch.Elapsed);
                    return CheckRejected(result, holding, request.MaxRejectedRate);
                }

                SummaryWriter.Write(output.Console, result, stopwatch.Elapsed);
                if (embedded is not null)
                {
                    output.Console.WriteLine();
                    output.Console.WriteLine(embedded.ConnectHint(definition.CommandName));
                }

                QuarantineSummaryWriter.Write(output.Console, result, definition.RejectionLayer, ShowQuarantineCommand(request, home));
                return CheckRejected(result, holding, request.MaxRejectedRate);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log.SetupError(_logger, "Cancelled; the batch is marked failed and its uncommitted work rolled back.");
            return ExitCodes.Cancelled;
        }
        catch (SourceMismatchException e)
        {
            Log.SetupError(_logger, e.Message);
            return ExitCodes.Error;
        }
        catch (SyntheticSourceConflictException e)
        {
            Log.SetupError(_logger, e.Message);
            return ExitCodes.Error;
        }
        catch (SchemaDriftException e)
        {
            Log.SchemaDrift(_logger, e.Message);
            return ExitCodes.SchemaDrift;
        }
        catch (Exception e) when (Failures.IsConnectionFailure(e))
        {
            Log.SetupError(_logger, Failures.Describe(e));
            return ExitCodes.CannotConnect;
        }
        catch (ArgumentException e)
        {
            Log.SetupError(_logger, e.Message);
            return ExitCodes.Error;
        }
        catch (PipelineFailedException e) when (e.InnerException is SchemaDriftException drift)
        {
            Log.BatchFailed(_logger, drift, e.BatchId, drift.Message);
            return ExitCodes.SchemaDrift;
        }
        catch (PipelineFailedException e)
        {
            Log.BatchFailed(_logger, e.InnerException ?? e, e.BatchId, (e.InnerException ?? e).Message);
            return e.InnerException is { } inner && Failures.IsConnectionFailure(inner) ? ExitCodes.CannotConnect : ExitCodes.Error;
        }
    }

    // Source (generated when none is given), deploy of what is missing, then the batch; returns the rows the rejection layer holds too.
    private async Task<(PipelineResult Result, long Holding)> RunPipelineAsync(
        RunRequest request, string warehouse, EmbeddedCluster? embedded, RunLock runLock, IPipelineProgress progress, CancellationToken ct)
    {
        var fullRefresh = request.FullRefresh;
        TableResult? generated = null;
        string source;
        if (!request.UsesSyntheticSource)
        {
            source = request.SourceConnectionString!;
        }
        else
        {
            var server = embedded?.ServerConnectionString ?? warehouse;
            var database = embedded?.SourceDatabase ?? SyntheticSourceDatabase.DatabaseNextTo(Databases.DatabaseOf(warehouse), definition.Pipeline.Name);
            progress.Phase($"Checking the synthetic source (database {database}, scale {request.Scale.ToString(CultureInfo.InvariantCulture)})");
            generated = await SyntheticSourceDatabase.EnsureAsync(
                definition.SyntheticSource!, server, database, request.Scale, request.DirtyRate, RunRequest.DemoDefectsPerSlot, loggerFactory, _logger, ct);

            // A regenerated source reuses ids and timestamps, so incremental cursors would miss its rows: read it all.
            fullRefresh |= generated is not null;
            source = Databases.WithDatabase(server, database);
        }

        var schema = new WarehouseSchema(definition.Pipeline, loggerFactory);
        progress.Phase($"Deploying schemas to {Databases.Describe(warehouse)} (ledger, {string.Join(", ", definition.Pipeline.Layers.Select(l => l.Name))})");
        await schema.DeployAsync(warehouse, ct);

        await using var warehouseData = NpgsqlDataSource.Create(Databases.ForBatchWork(warehouse));
        await using var sourceData = NpgsqlDataSource.Create(Databases.ForBatchWork(source));
        Log.RunStarting(_logger, definition.Pipeline.Name, Databases.Describe(warehouse), Databases.Describe(source));
        var result = await new PipelineRunner(definition.Pipeline, loggerFactory).RunAsync(
            new PipelineRunRequest(sourceData, warehouseData) { FullRefresh = fullRefresh, NewSource = request.NewSource, BatchId = request.BatchId, VerifyRunLock = runLock.EnsureHeldAsync,
                QuarantineRetention = TimeSpan.FromDays(request.QuarantineRetentionDays),
            }, progress, ct);
        var holding = definition.Pipeline.Layers.Any(l => l.Name == definition.RejectionLayer)
            ? await schema.CountRowsAsync(warehouseData, definition.RejectionLayer, ct)
            : 0;
        if (generated is not null)
        {
            result = result with
            {
                Tables = [generated, .. result.Tables],
                LayerTimes = new Dictionary<string, TimeSpan>(result.LayerTimes, StringComparer.Ordinal) { [generated.Layer] = generated.Elapsed },
            };
        }

        return (result, holding);
    }

    // The command that lists the quarantined rows of the warehouse this run used; never with a password.
    private string ShowQuarantineCommand(RunRequest request, string? home)
    {
        var command = $"{definition.CommandName} quarantine";
        if (home is null && request.WarehouseConnectionString != Environment.GetEnvironmentVariable(EnvironmentVariables.Warehouse))
        {
            return $"{command} --warehouse \"{Databases.WithoutPassword(request.WarehouseConnectionString!)}\"";
        }

        return home is null || request.DataDirectory is null ? command : $"{command} --data-dir \"{home}\"";
    }

    // A warehouse database that does not exist yet is created (deploy what is missing), when the login may.
    private async Task<RunLock?> AcquireLockAsync(string warehouse, CancellationToken ct)
    {
        try
        {
            return await RunLock.TryAcquireAsync(warehouse, definition.Pipeline.Name, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            Log.CreatingDatabase(_logger, Databases.Describe(warehouse));
            await Databases.EnsureExistsAsync(warehouse, Databases.DatabaseOf(warehouse), ct);
            return await RunLock.TryAcquireAsync(warehouse, definition.Pipeline.Name, ct);
        }
    }

    // The share of the rejection layer's rows this batch refused: quarantined / (quarantined + rows the layer holds).
    // Quarantined rows are re-checked by every run, so a rerun of an unchanged source gives the same share as the run
    // that first refused them.
    private int CheckRejected(PipelineResult result, long holding, double maxRejectedRate)
    {
        var rejected = result.Tables.Where(t => t.Layer == definition.RejectionLayer).Sum(t => t.RowsQuarantined);
        var total = rejected + holding;
        var share = total == 0 ? 0 : (double)rejected / total;
        if (share > maxRejectedRate)
        {
            Log.DataRejected(_logger, definition.RejectionLayer, rejected, total, share, maxRejectedRate);
            return ExitCodes.DataRejected;
        }

        return ExitCodes.Ok;
    }

    private async Task<T> WithProgressAsync<T>(bool live, Func<IPipelineProgress, Task<T>> work)
    {
        if (!live)
        {
            return await work(new LogPipelineProgress(_logger, TimeProvider.System));
        }

        T result = default!;
        await output.Console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context => result = await work(new LivePipelineProgress(context)));
        return result;
    }
}
