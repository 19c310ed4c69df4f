using DataPlatform.Framework.Schema;
using DataPlatform.Hosting.Embedded;
using DataPlatform.Hosting.Output;
using DataPlatform.Hosting.Running;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Hosting.Schema;

/// <summary>
/// Handles <c>deploy</c>, <c>validate</c> and <c>plan</c>: the ledger and every layer of the pipeline as one
/// <see cref="WarehouseSchema"/>, on an explicit warehouse or the embedded cluster.
/// </summary>
internal sealed class SchemaHandler(WarehouseHostDefinition definition, ConsoleOutput output, LogLevelSwitch logLevel, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Hosting.Schema");

    public Task<int> DeployAsync(string? warehouse, string? dataDirectory, LogLevel requestedLogLevel, CancellationToken ct) =>
        WithWarehouseAsync(warehouse, dataDirectory, requestedLogLevel, async connectionString =>
        {
            var result = await Schema(connectionString).DeployAsync(connectionString, ct);
            await output.Writer.WriteLineAsync(result.HasChanges
                ? $"Deployed {result.Applied.Count} changes to {Databases.Describe(connectionString)}:"
                : $"{Databases.Describe(connectionString)} already matches the model: nothing to deploy.");
            await DifferenceWriter.WriteAsync(output.Writer, result.Applied);
            return ExitCodes.Ok;
        }, ct);

    public Task<int> ValidateAsync(string? warehouse, string? dataDirectory, LogLevel requestedLogLevel, CancellationToken ct) =>
        WithWarehouseAsync(warehouse, dataDirectory, requestedLogLevel, async connectionString =>
        {
            var result = await Schema(connectionString).ValidateAsync(connectionString, ct);
            if (result.IsValid)
            {
                await output.Writer.WriteLineAsync($"{Databases.Describe(connectionString)} matches the model (ledger and {LayerNames}).");
                return ExitCodes.Ok;
            }

            await output.Writer.WriteLineAsync($"{Databases.Describe(connectionString)}: {result.Differences.Count} differences from the model");
            await DifferenceWriter.WriteAsync(output.Writer, result.Differences);
            return ExitCodes.SchemaDrift;
        }, ct);

    public Task<int> PlanAsync(string? warehouse, string? dataDirectory, FileInfo? file, LogLevel requestedLogLevel, CancellationToken ct) =>
        WithWarehouseAsync(warehouse, dataDirectory, requestedLogLevel, async connectionString =>
        {
            var result = await Schema(connectionString).ValidateAsync(connectionString, ct);
            var script = $"-- {Databases.Describe(connectionString)} (ledger and {LayerNames}): "
                + (result.IsValid ? "no changes" : $"{result.Differences.Count} changes") + "\n"
                + (result.HasInvalidChanges ? "-- Statements marked [Invalid] are not run by deploy: review them, they may rewrite or reject data.\n" : string.Empty)
                + result.FixSql + "\n";
            if (file is null)
            {
                await output.Writer.WriteAsync(script);
            }
            else
            {
                await File.WriteAllTextAsync(file.FullName, script, ct);
                Log.Phase(_logger, $"Wrote the plan to {file.FullName}");
            }

            return ExitCodes.Ok;
        }, ct);

    private string LayerNames => string.Join(", ", definition.Pipeline.Layers.Select(l => l.Name));

    private WarehouseSchema Schema(string connectionString)
    {
        Log.Phase(_logger, $"Comparing {Databases.Describe(connectionString)} with the ledger and {LayerNames}");
        return new WarehouseSchema(definition.Pipeline, loggerFactory);
    }

    private async Task<int> WithWarehouseAsync(string? warehouse, string? dataDirectory, LogLevel requestedLogLevel, Func<string, Task<int>> work, CancellationToken ct)
    {
        logLevel.MinimumLevel = requestedLogLevel;
        try
        {
            if (warehouse is not null)
            {
                return await work(Databases.ForBatchWork(warehouse));
            }

            var home = Path.GetFullPath(dataDirectory ?? EmbeddedCluster.DefaultHomeDirectory());
            Log.EmbeddedStarting(_logger, home);
            await using var embedded = await EmbeddedCluster.StartAsync(definition, home, keepRunning: false, loggerFactory, ct);
            return await work(embedded.WarehouseConnectionString);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Log.SetupError(_logger, "Cancelled; deploy changes nothing unless it completes (one transaction per context).");
            return ExitCodes.Cancelled;
        }
        catch (SchemaDriftException e)
        {
            Log.SchemaDrift(_logger, "deploy changed nothing; review the SQL below (or run plan).");
            await DifferenceWriter.WriteAsync(output.Writer, e.Differences);
            return ExitCodes.SchemaDrift;
        }
        catch (Exception e) when (Failures.IsConnectionFailure(e) || e is PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName })
        {
            Log.SetupError(_logger, Failures.Describe(e));
            return ExitCodes.CannotConnect;
        }
        catch (ArgumentException e)
        {
            Log.SetupError(_logger, e.Message);
            return ExitCodes.Error;
        }
    }
}
