using System.Text.RegularExpressions;
using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>
/// <c>pagila-warehouse run --telemetry console</c> as a process: OpenTelemetry's console exporter prints the batch → layer →
/// table spans (with Npgsql's command spans inside the table steps) and, after the summary, the framework's metrics with
/// the ledger's figures.
/// </summary>
public sealed partial class TelemetryCliTests(PostgresServer server)
{
    [Fact]
    public async Task Run_with_console_telemetry_prints_the_span_tree_and_the_ledgers_figures_as_metrics()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("cli_telemetry", ct);
        try
        {
            var result = await WarehouseCli.RunAsync(
                ["run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic", "--scale", "0.05", "--dirty-rate", "0.02", "--telemetry", "console"],
                new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = null });

            Assert.True(result.ExitCode == 0, result.ToString());
            var output = result.StandardOutput;
            var summary = output.IndexOf("Batch 1 succeeded", StringComparison.Ordinal);
            Assert.True(summary > 0, result.ToString());

            var spans = Spans(output);
            var batch = Assert.Single(spans, s => s.Name == "batch pagila");
            Assert.Equal("1", batch.Tags["dataplatform.batch.id"]);
            Assert.Equal("pagila-warehouse", batch.Resource["service.name"]);
            var layers = spans.Where(s => s.Name.StartsWith("layer ", StringComparison.Ordinal)).ToList();
            Assert.Equal(["layer bronze", "layer gold", "layer silver"], layers.Select(l => l.Name).Order(StringComparer.Ordinal));
            Assert.All(layers, l => Assert.Equal(batch.SpanId, l.ParentSpanId));
            var tables = spans.Where(s => s.Scope == "DataPlatform" && s.Tags.ContainsKey("dataplatform.table")).ToList();
            Assert.All(tables, t => Assert.Equal("layer " + t.Tags["dataplatform.layer"], Assert.Single(layers, l => l.SpanId == t.ParentSpanId).Name));
            Assert.Contains(spans, s => s.Scope == "Npgsql" && tables.Any(t => t.SpanId == s.ParentSpanId));

            var ledger = await LedgerAsync(warehouse, ct);
            Assert.Equal(ledger.Keys.Order(StringComparer.Ordinal), tables.Select(t => $"{t.Tags["dataplatform.layer"]} {t.Tags["dataplatform.table"]}").Distinct().Order(StringComparer.Ordinal));

            var metrics = output[summary..];
            foreach (var ((layer, table), (read, written, quarantined)) in ledger.Select(l => (Split(l.Key), l.Value)))
            {
                Assert.Equal(read, Value(metrics, "dataplatform.rows.read", layer, table));
                Assert.Equal(written, Value(metrics, "dataplatform.rows.written", layer, table));
            }

            var quarantinedRows = Metric(metrics, "dataplatform.rows.quarantined");
            Assert.Equal(ledger.Values.Sum(v => v.Quarantined), ValueLine().Matches(quarantinedRows).Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains("dataplatform.rule: parent_quarantined", quarantinedRows, StringComparison.Ordinal);
            Assert.Contains("dataplatform.batch.outcome: succeeded dataplatform.pipeline: pagila", Metric(metrics, "dataplatform.batches"), StringComparison.Ordinal);
            Assert.Contains("Unit: s, Metric Type: Histogram", Metric(metrics, "dataplatform.step.duration"), StringComparison.Ordinal);
            Assert.Contains("Metric Name: db.client.operation.duration", metrics, StringComparison.Ordinal); // Npgsql's own metrics
        }
        finally
        {
            await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Database = "postgres" }.ConnectionString);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{warehouse.Name}_pagila_source\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    [Fact]
    public async Task Console_telemetry_with_a_json_summary_is_a_usage_error()
    {
        var result = await WarehouseCli.RunAsync(["run", "--telemetry", "console", "--output", "json"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("--telemetry console", result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }

    private static (string Layer, string Table) Split(string key) => (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    /// <summary>The block the console exporter prints for one instrument, up to the next instrument.</summary>
    private static string Metric(string output, string name)
    {
        var start = output.IndexOf("Metric Name: " + name + ",", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no metric {name} in the output");
        var end = output.IndexOf("Metric Name: ", start + 1, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
    }

    private static long Value(string output, string metric, string layer, string table)
    {
        var point = Regex.Match(
            Metric(output, metric),
            $@"dataplatform\.layer: {layer} dataplatform\.pipeline: pagila dataplatform\.table: {table} \r?\nValue: (\d+)");
        Assert.True(point.Success, $"{metric} has no point for {layer} {table}");
        return long.Parse(point.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The spans the console exporter printed: one block per span, starting at its trace id.</summary>
    private static List<Span> Spans(string output) =>
        output.Split("Activity.TraceId:", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(block =>
        {
            string Field(string name) => Regex.Match(block, $@"Activity\.{name}:\s+(.+?)\r?\n") is { Success: true } m ? m.Groups[1].Value.Trim() : string.Empty;
            Dictionary<string, string> Section(string heading)
            {
                var start = block.IndexOf(heading, StringComparison.Ordinal);
                return start < 0
                    ? []
                    : IndentedLine().Matches(block[(start + heading.Length)..].Split(['\n'], StringSplitOptions.None).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Aggregate(string.Empty, (a, l) => a + l + "\n"))
                        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);
            }

            var scope = Regex.Match(block, @"Instrumentation scope \(ActivitySource\):\r?\n\s+Name: (\S+)").Groups[1].Value;
            return new Span(Field("SpanId"), Field("ParentSpanId"), Field("DisplayName"), scope, Section("Activity.Tags:\n"), Section("Resource associated with Activity:\n"));
        }).ToList();

    private static async Task<Dictionary<string, (long Read, long Written, long Quarantined)>> LedgerAsync(TestDatabase warehouse, CancellationToken ct)
    {
        var rows = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT layer || ' ' || split_part(table_name, '.', 2), rows_read, rows_written, rows_quarantined FROM dataplatform.batch_table WHERE batch_id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0), (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }

    [GeneratedRegex(@"^Value: (\d+)\r?$", RegexOptions.Multiline)]
    private static partial Regex ValueLine();

    [GeneratedRegex(@"^\s+([\w.]+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex IndentedLine();

    private sealed record Span(string SpanId, string ParentSpanId, string Name, string Scope, Dictionary<string, string> Tags, Dictionary<string, string> Resource);
}
