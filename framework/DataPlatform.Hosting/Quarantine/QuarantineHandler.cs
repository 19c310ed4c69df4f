using System.Globalization;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting.Embedded;
using DataPlatform.Hosting.Output;
using DataPlatform.Hosting.Running;
using Microsoft.Extensions.Logging;
using Npgsql;
using Spectre.Console;

namespace DataPlatform.Hosting.Quarantine;

/// <summary>Handles <c>quarantine</c>: prints the open quarantine rows of the pipeline's tables, with their source rows.</summary>
internal sealed class QuarantineHandler(WarehouseHostDefinition definition, ConsoleOutput output, LogLevelSwitch logLevel, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("DataPlatform.Hosting.Quarantine");

    public async Task<int> ShowAsync(QuarantineRequest request, LogLevel requestedLogLevel, CancellationToken ct)
    {
        logLevel.MinimumLevel = requestedLogLevel == LogLevel.Information ? LogLevel.Warning : requestedLogLevel;
        try
        {
            if (request.WarehouseConnectionString is not null)
            {
                return await ShowAsync(request.WarehouseConnectionString, request, ct);
            }

            var home = Path.GetFullPath(request.DataDirectory ?? EmbeddedCluster.DefaultHomeDirectory());
            return await EmbeddedWarehouseReader.ReadAsync(definition, output, home, loggerFactory, warehouse => ShowAsync(warehouse, request, ct), ct);
        }
        catch (Exception e) when (Failures.IsConnectionFailure(e))
        {
            Log.SetupError(_logger, Failures.Describe(e));
            return ExitCodes.CannotConnect;
        }
    }

    private async Task<int> ShowAsync(string warehouse, QuarantineRequest request, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(warehouse);
        await using var ledger = new BatchLedger(dataSource, loggerFactory);
        if (!await ledger.ExistsAsync(ct))
        {
            output.Console.WriteLine($"Nothing quarantined in {Databases.Describe(warehouse)}: the ledger (schema dataplatform) does not exist yet.");
            return ExitCodes.Ok;
        }

        var schemas = new WarehouseSchema(definition.Pipeline).LayerSchemas.ToList();
        var rows = await ledger.GetOpenQuarantinedRowsAsync(schemas, request.Table, request.Rule, request.Limit, ct);
        var total = (await ledger.GetOpenQuarantineAsync(ct))
            .Where(q => schemas.Contains(q.TableName.Split('.')[0]) && Matches(q.TableName, request.Table) && (request.Rule is null || q.Rule == request.Rule))
            .Sum(q => q.Rows);
        if (rows.Count == 0)
        {
            output.Console.WriteLine("No rows in quarantine" + (request.Table is null && request.Rule is null ? "." : " for that table and rule."));
            return ExitCodes.Ok;
        }

        var shown = total > rows.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{rows.Count:N0} of {total:N0} rows; --limit shows more")
            : string.Create(CultureInfo.InvariantCulture, $"{total:N0} rows");
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Open quarantine ({shown})") };
        table.AddColumn("table");
        table.AddColumn("rule");
        table.AddColumn("key");
        table.AddColumn(new TableColumn("since batch").RightAligned());
        table.AddColumn("message");
        table.AddColumn("source row");
        foreach (var row in rows)
        {
            table.AddRow(
                Markup.Escape(row.TableName),
                Markup.Escape(row.Rule),
                Markup.Escape(row.RowKey),
                row.FirstBatchId.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(row.Message),
                Markup.Escape(row.RawRow));
        }

        output.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static bool Matches(string tableName, string? filter) =>
        filter is null || tableName == filter || tableName[(tableName.IndexOf('.', StringComparison.Ordinal) + 1)..] == filter;
}
