using System.Globalization;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting.Embedded;
using DataPlatform.Hosting.Output;
using DataPlatform.Hosting.Running;
using DataPlatform.LocalPostgres;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;

namespace DataPlatform.Hosting.Status;

/// <summary>Handles <c>status</c>: prints the last batches of the warehouse's ledger, newest first.</summary>
internal sealed class StatusHandler(WarehouseHostDefinition definition, ConsoleOutput output, LogLevelSwitch logLevel, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Hosting.Status");

    public async Task<int> ShowAsync(string? warehouseConnectionString, string? dataDirectory, int limit, LogLevel requestedLogLevel, CancellationToken ct)
    {
        logLevel.MinimumLevel = requestedLogLevel == LogLevel.Information ? LogLevel.Warning : requestedLogLevel;
        try
        {
            if (warehouseConnectionString is not null)
            {
                return await ShowAsync(warehouseConnectionString, limit, ct);
            }

            var home = Path.GetFullPath(dataDirectory ?? EmbeddedCluster.DefaultHomeDirectory());
            RelocatedClusters.RemoveOrphaned(_logger);
            var exitCode = await EmbeddedWarehouseReader.ReadAsync(definition, output, home, loggerFactory, warehouse => ShowAsync(warehouse, limit, ct), ct);
            WriteRelocatedClusters(RelocatedClusters.List());
            return exitCode;
        }
        catch (Exception e) when (Failures.IsConnectionFailure(e))
        {
            Log.SetupError(_logger, Failures.Describe(e));
            return ExitCodes.CannotConnect;
        }
    }

    private async Task<int> ShowAsync(string warehouse, int limit, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(warehouse);
        await using var ledger = new BatchLedger(dataSource, loggerFactory);
        if (!await ledger.ExistsAsync(ct))
        {
            output.Console.WriteLine($"No batches yet in {Databases.Describe(warehouse)}: the ledger (schema dataplatform) does not exist.");
            return ExitCodes.Ok;
        }

        var batches = await ledger.GetRecentBatchesAsync(limit, definition.Pipeline.Name, ct);
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
        foreach (var layer in Layers)
        {
            table.AddColumn(new TableColumn($"{layer} written").RightAligned());
        }

        table.AddColumn(new TableColumn("unchanged").RightAligned());
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
            cells.AddRange(Layers.Select(layer =>
                batch.Tables.Where(t => t.Layer == layer).Sum(t => t.RowsWritten).ToString("N0", CultureInfo.InvariantCulture)));
            cells.Add(batch.Tables.Sum(t => t.RowsUnchanged).ToString("N0", CultureInfo.InvariantCulture));
            cells.Add(batch.Tables.Sum(t => t.RowsQuarantined).ToString("N0", CultureInfo.InvariantCulture));
            cells.Add(Truncate(batch.Error));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        output.Console.Write(table);
        WriteOpenQuarantine(await ledger.GetOpenQuarantineAsync(ct));
        return ExitCodes.Ok;
    }

    // What still waits in quarantine for this warehouse's tables: rows are re-checked by every run and leave once they pass.
    private void WriteOpenQuarantine(IReadOnlyList<OpenQuarantine> open)
    {
        var schemas = new WarehouseSchema(definition.Pipeline).LayerSchemas.ToHashSet(StringComparer.Ordinal);
        var mine = open.Where(q => schemas.Contains(q.TableName.Split('.')[0])).ToList();
        output.Console.WriteLine();
        if (mine.Count == 0)
        {
            output.Console.WriteLine("Open quarantine: none.");
            return;
        }

        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Open quarantine ({mine.Sum(q => q.Rows).ToString("N0", CultureInfo.InvariantCulture)} rows)") };
        table.AddColumn("table");
        table.AddColumn("rule");
        table.AddColumn(new TableColumn("rows").RightAligned());
        table.AddColumn(new TableColumn("since batch").RightAligned());
        table.AddColumn(new TableColumn("last seen").RightAligned());
        foreach (var entry in mine)
        {
            table.AddRow(
                Markup.Escape(entry.TableName),
                Markup.Escape(entry.Rule),
                entry.Rows.ToString("N0", CultureInfo.InvariantCulture),
                entry.FirstBatchId.ToString(CultureInfo.InvariantCulture),
                entry.LastSeenBatchId.ToString(CultureInfo.InvariantCulture));
        }

        output.Console.Write(table);
    }

    // As root, embedded clusters of homes the server's account cannot reach live outside them; each is removed with its
    // home, and until then it is listed here, so disk space used outside any checkout is never a surprise.
    private void WriteRelocatedClusters(IReadOnlyList<RelocatedCluster> clusters)
    {
        if (clusters.Count == 0)
        {
            return;
        }

        output.Console.WriteLine();
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Embedded clusters kept outside their home ({clusters.Count})") };
        table.AddColumn("cluster");
        table.AddColumn("kept for");
        foreach (var cluster in clusters)
        {
            table.AddRow(
                Markup.Escape(cluster.Directory),
                Markup.Escape(cluster.PreferredDirectory ?? "(not recorded: placed by an older version; never removed automatically)"));
        }

        output.Console.Write(table);
        output.Console.WriteLine("Each is removed once the directory holding its link (the home, e.g. <checkout>/.dataplatform) is deleted.");
    }

    private IEnumerable<string> Layers => definition.Pipeline.Layers.Select(l => l.Name);

    private static string Truncate(string? error) =>
        error is null ? string.Empty : error.ReplaceLineEndings(" ") is { Length: > 80 } line ? line[..77] + "..." : error.ReplaceLineEndings(" ");
}
