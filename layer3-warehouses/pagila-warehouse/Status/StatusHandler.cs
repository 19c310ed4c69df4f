using System.Globalization;
using DataPlatform.Framework.Ledger;
using DataPlatform.Warehouses.Pagila.Embedded;
using DataPlatform.Warehouses.Pagila.Output;
using DataPlatform.Warehouses.Pagila.Running;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;

namespace DataPlatform.Warehouses.Pagila.Status;

/// <summary>Handles <c>status</c>: prints the last batches of the warehouse's ledger, newest first.</summary>
internal sealed class StatusHandler(ConsoleOutput output, LogLevelSwitch logLevel, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Warehouses.Pagila.Status");

    public async Task<int> ShowAsync(string? warehouseConnectionString, string? dataDirectory, int limit, LogLevel requestedLogLevel, CancellationToken ct)
    {
        logLevel.MinimumLevel = requestedLogLevel == LogLevel.Information ? LogLevel.Warning : requestedLogLevel;
        try
        {
            if (warehouseConnectionString is not null)
            {
                return await ShowAsync(warehouseConnectionString, limit, ct);
            }

            var home = Path.GetFullPath(dataDirectory ?? EmbeddedWarehouse.DefaultHomeDirectory());
            if (!EmbeddedWarehouse.Exists(home))
            {
                output.Console.WriteLine($"No embedded warehouse in {home} yet: run `pagila-warehouse run` first, or pass --warehouse <connection string>.");
                return ExitCodes.Ok;
            }

            await using var embedded = await EmbeddedWarehouse.StartAsync(home, keepRunning: false, loggerFactory, ct);
            return await ShowAsync(embedded.WarehouseConnectionString, limit, ct);
        }
        catch (Exception e) when (Failures.IsConnectionFailure(e))
        {
            Log.SetupError(_logger, e.Message + (e is NpgsqlException && e.InnerException is { } inner ? " " + inner.Message : string.Empty));
            return ExitCodes.CannotConnect;
        }
    }

    private async Task<int> ShowAsync(string warehouse, int limit, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(warehouse);
        await using (var probe = dataSource.CreateCommand("SELECT to_regclass('dataplatform.batch') IS NOT NULL"))
        {
            if (await probe.ExecuteScalarAsync(ct) is not true)
            {
                output.Console.WriteLine($"No batches yet in {Databases.Describe(warehouse)}: the ledger (schema dataplatform) does not exist.");
                return ExitCodes.Ok;
            }
        }

        await using var ledger = new BatchLedger(dataSource, loggerFactory);
        var batches = await ledger.GetRecentBatchesAsync(limit, WarehousePipeline.PipelineName, ct);
        if (batches.Count == 0)
        {
            output.Console.WriteLine($"No batches yet in {Databases.Describe(warehouse)}.");
            return ExitCodes.Ok;
        }

        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Last {batches.Count} batches of {Markup.Escape(Databases.Describe(warehouse))}") };
        table.AddColumn(new TableColumn("batch").RightAligned());
        table.AddColumn("status");
        table.AddColumn("started (UTC)");
        table.AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var layer in s_layers)
        {
            table.AddColumn(new TableColumn($"{layer} written").RightAligned());
        }

        table.AddColumn(new TableColumn("quarantined").RightAligned());
        table.AddColumn("error");
        foreach (var batch in batches)
        {
            var cells = new List<string>
            {
                batch.BatchId.ToString(CultureInfo.InvariantCulture),
                batch.Status,
                batch.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                batch.FinishedAt is { } finished ? (finished - batch.StartedAt).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : "-",
            };
            cells.AddRange(s_layers.Select(layer =>
                batch.Tables.Where(t => t.Layer == layer).Sum(t => t.RowsWritten).ToString("N0", CultureInfo.InvariantCulture)));
            cells.Add(batch.Tables.Sum(t => t.RowsQuarantined).ToString("N0", CultureInfo.InvariantCulture));
            cells.Add(Truncate(batch.Error));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        output.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static readonly string[] s_layers = [PipelineLayers.Bronze, PipelineLayers.Silver, PipelineLayers.Gold];

    private static string Truncate(string? error) =>
        error is null ? string.Empty : error.ReplaceLineEndings(" ") is { Length: > 80 } line ? line[..77] + "..." : error.ReplaceLineEndings(" ");
}
