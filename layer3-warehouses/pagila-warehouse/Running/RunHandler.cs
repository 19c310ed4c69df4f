using System.Diagnostics;
using DataPlatform.Framework.Schema;
using DataPlatform.Warehouses.Pagila.Embedded;
using DataPlatform.Warehouses.Pagila.Output;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;

namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>
/// Handles <c>run</c>: resolves the warehouse (explicit or embedded), takes the run lock, makes sure there is a
/// source, runs the pipeline as one batch, prints the summary and maps failures to exit codes.
/// </summary>
internal sealed class RunHandler(
    WarehousePipeline pipeline, ConsoleOutput output, LogLevelSwitch logLevel, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Warehouses.Pagila.Run");

    public async Task<int> RunAsync(RunRequest request, LogLevel requestedLogLevel, CancellationToken ct)
    {
        var live = output.IsTerminal && !request.NoProgress && !request.Json;

        // The live display owns the terminal; keep routine log lines out of its way unless asked for.
        logLevel.MinimumLevel = live && requestedLogLevel == LogLevel.Information ? LogLevel.Warning : requestedLogLevel;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            EmbeddedWarehouse? embedded = null;
            if (request.WarehouseConnectionString is null)
            {
                var home = Path.GetFullPath(request.DataDirectory ?? EmbeddedWarehouse.DefaultHomeDirectory());
                Log.EmbeddedStarting(_logger, home);
                embedded = await EmbeddedWarehouse.StartAsync(home, request.KeepRunning, loggerFactory, ct);
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

                var outcome = await WithProgressAsync(
                    live,
                    progress => pipeline.RunAsync(
                        new PipelineRequest(warehouse, request.SourceConnectionString, embedded, request), progress, ct));
                stopwatch.Stop();

                if (request.Json)
                {
                    JsonSummaryWriter.Write(Console.Out, outcome, stopwatch.Elapsed);
                    return CheckRejected(outcome, request.MaxRejectedRate);
                }

                SummaryWriter.Write(output.Console, outcome, stopwatch.Elapsed);
                if (embedded is not null)
                {
                    output.Console.WriteLine();
                    output.Console.WriteLine(embedded.ConnectHint());
                }

                return CheckRejected(outcome, request.MaxRejectedRate);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log.SetupError(_logger, "Cancelled; the batch is marked failed and its uncommitted work rolled back.");
            return ExitCodes.Cancelled;
        }
        catch (SchemaDriftException e)
        {
            Log.SchemaDrift(_logger, e.Message);
            return ExitCodes.SchemaDrift;
        }
        catch (Exception e) when (Failures.IsConnectionFailure(e))
        {
            Log.SetupError(_logger, e.Message + (e is NpgsqlException && e.InnerException is { } inner ? " " + inner.Message : string.Empty));
            return ExitCodes.CannotConnect;
        }
        catch (ArgumentException e)
        {
            Log.SetupError(_logger, e.Message);
            return ExitCodes.Error;
        }
        catch (BatchFailedException e)
        {
            Log.BatchFailed(_logger, e.InnerException ?? e, e.BatchId, (e.InnerException ?? e).Message);
            return e.InnerException is { } inner && Failures.IsConnectionFailure(inner) ? ExitCodes.CannotConnect : ExitCodes.Error;
        }
    }

    // A warehouse database that does not exist yet is created (deploy what is missing), when the login may.
    private async Task<RunLock?> AcquireLockAsync(string warehouse, CancellationToken ct)
    {
        try
        {
            return await RunLock.TryAcquireAsync(warehouse, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            Log.CreatingDatabase(_logger, Databases.Describe(warehouse));
            await Databases.EnsureExistsAsync(warehouse, Databases.DatabaseOf(warehouse), ct);
            return await RunLock.TryAcquireAsync(warehouse, ct);
        }
    }

    // The share of silver's rows this batch refused: quarantined / (quarantined + rows silver holds). Quarantined rows are
    // re-checked by every run, so a rerun of an unchanged source gives the same share as the run that first refused them.
    private int CheckRejected(PipelineOutcome outcome, double maxRejectedRate)
    {
        var rejected = outcome.Steps.Where(s => s.Layer == PipelineLayers.Silver).Sum(s => s.RowsQuarantined);
        var total = rejected + outcome.SilverRows;
        var share = total == 0 ? 0 : (double)rejected / total;
        if (share > maxRejectedRate)
        {
            Log.DataRejected(_logger, rejected, total, share, maxRejectedRate);
            return ExitCodes.DataRejected;
        }

        return ExitCodes.Ok;
    }

    private async Task<PipelineOutcome> WithProgressAsync(bool live, Func<IRunProgress, Task<PipelineOutcome>> work)
    {
        if (!live)
        {
            return await work(new LogRunProgress(_logger));
        }

        PipelineOutcome? outcome = null;
        await output.Console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context => outcome = await work(new LiveRunProgress(context)));
        return outcome!;
    }
}
