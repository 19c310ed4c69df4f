using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Framework.Telemetry;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Tests.Pipeline;

/// <summary>
/// A whole Pagila run (synthetic source with planted bad rows → bronze → silver → gold) under a <see cref="MeterListener"/>
/// and an <see cref="ActivityListener"/>: the metric totals per layer, table and rule equal the ledger's counts and the
/// quarantine's entries, and the spans form the tree batch → layer → table step. The pipeline has a name of its own, so
/// the measurements and spans of other tests running in parallel are left out.
/// </summary>
public sealed class PipelineTelemetryTests(PostgresServer server)
{
    private const string Pipeline = "pagila_telemetry";

    [Fact]
    public async Task Metric_totals_equal_the_ledger_and_spans_form_batch_layer_table()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var source = await server.CreateDatabaseAsync("telemetry_src", ct);
        await using var warehouse = await server.CreateDatabaseAsync("telemetry_wh", ct);
        await new PagilaSourceLoader(source.DataSource).LoadAsync(new PagilaGenerator(new PagilaGeneratorOptions { Seed = 3, Scale = 0.05, DirtyRate = 0.02 }), ct);
        var definition = new PipelineDefinition(Pipeline, PagilaBronze.Layer, PagilaSilver.Layer, PagilaGold.Layer);
        await new WarehouseSchema(definition).DeployAsync(warehouse.ConnectionString, ct);

        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, string> Tags)>();
        var spans = new ConcurrentBag<Activity>();
        using var meters = Listen(measurements);
        using var activities = Listen(spans);

        var result = await new PipelineRunner(definition).RunAsync(new PipelineRunRequest(source.DataSource, warehouse.DataSource), cancellationToken: ct);
        meters.RecordObservableInstruments();

        var ledger = await LedgerAsync(warehouse, result.BatchId, ct);
        Assert.Equal(result.Tables.Count, ledger.Count);
        Assert.True(ledger.Values.Sum(l => l.Quarantined) > 0, "the planted bad rows were quarantined");
        foreach (var ((layer, table), (read, written, quarantined)) in ledger)
        {
            Assert.Equal(read, Sum(measurements, DataPlatformTelemetry.RowsRead, layer, table));
            Assert.Equal(written, Sum(measurements, DataPlatformTelemetry.RowsWritten, layer, table));
            Assert.Equal(quarantined, Sum(measurements, DataPlatformTelemetry.RowsQuarantined, layer, table));
            Assert.Single(measurements, m => m.Instrument == DataPlatformTelemetry.StepDuration && Is(m.Tags, layer, table));
        }

        Assert.Equal(ledger.Count, measurements.Count(m => m.Instrument == DataPlatformTelemetry.StepDuration));
        var rules = await QuarantineByRuleAsync(warehouse, result.BatchId, ct);
        var measuredRules = measurements
            .Where(m => m.Instrument == DataPlatformTelemetry.RowsQuarantined && m.Value > 0)
            .GroupBy(m => $"{m.Tags[DataPlatformTelemetry.TableTag]} {m.Tags.GetValueOrDefault(DataPlatformTelemetry.RuleTag, "(no rule)")}")
            .ToDictionary(g => g.Key, g => (long)g.Sum(m => m.Value));
        Assert.Equal(rules.OrderBy(r => r.Key, StringComparer.Ordinal), measuredRules.OrderBy(r => r.Key, StringComparer.Ordinal));
        var batches = Assert.Single(measurements, m => m.Instrument == DataPlatformTelemetry.Batches);
        Assert.Equal(DataPlatformTelemetry.Succeeded, batches.Tags[DataPlatformTelemetry.OutcomeTag]);

        // Spans are process-wide: other tests' pipelines run at the same time, so take this pipeline's batch and its trace.
        var batch = Assert.Single(spans, s => s.OperationName == DataPlatformTelemetry.BatchSpan && (string?)s.GetTagItem(DataPlatformTelemetry.PipelineTag) == Pipeline);
        Assert.Equal(result.BatchId, batch.GetTagItem(DataPlatformTelemetry.BatchIdTag));
        Assert.Null(batch.Parent);
        var trace = spans.Where(s => s.TraceId == batch.TraceId).ToList();
        var layers = trace.Where(s => s.OperationName == DataPlatformTelemetry.LayerSpan).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["bronze", "silver", "gold"], layers.Select(s => (string?)s.GetTagItem(DataPlatformTelemetry.LayerTag)));
        Assert.All(layers, l => Assert.Equal(batch.SpanId, l.ParentSpanId));
        var tables = trace.Where(s => s.OperationName == DataPlatformTelemetry.TableSpan).ToList();
        Assert.All(tables, t =>
        {
            var parent = Assert.Single(layers, l => l.SpanId == t.ParentSpanId);
            Assert.Equal(parent.GetTagItem(DataPlatformTelemetry.LayerTag), t.GetTagItem(DataPlatformTelemetry.LayerTag));
            Assert.Equal(ActivityStatusCode.Unset, t.Status);
        });
        Assert.Equal(
            ledger.Keys.Select(k => $"{k.Layer} {k.Table}").Order(StringComparer.Ordinal),
            tables.Select(t => $"{t.GetTagItem(DataPlatformTelemetry.LayerTag)} {t.GetTagItem(DataPlatformTelemetry.TableTag)}").Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(trace.Count, 1 + layers.Count + tables.Count);
    }

    private static MeterListener Listen(ConcurrentBag<(string, double, Dictionary<string, string>)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DataPlatformTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                values[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }

            if (values.GetValueOrDefault(DataPlatformTelemetry.PipelineTag) == Pipeline)
            {
                measurements.Add((instrument.Name, value, values));
            }
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
        return listener;
    }

    private static ActivityListener Listen(ConcurrentBag<Activity> spans)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DataPlatformTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static bool Is(Dictionary<string, string> tags, string layer, string table) =>
        tags[DataPlatformTelemetry.LayerTag] == layer && tags[DataPlatformTelemetry.TableTag] == table;

    private static long Sum(IEnumerable<(string Instrument, double Value, Dictionary<string, string> Tags)> measurements, string instrument, string layer, string table) =>
        (long)measurements.Where(m => m.Instrument == instrument && Is(m.Tags, layer, table)).Sum(m => m.Value);

    private static async Task<Dictionary<(string Layer, string Table), (long Read, long Written, long Quarantined)>> LedgerAsync(
        TestDatabase warehouse, long batchId, CancellationToken ct)
    {
        var rows = new Dictionary<(string, string), (long, long, long)>();
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT layer, split_part(table_name, '.', 2), rows_read, rows_written, rows_quarantined FROM dataplatform.batch_table WHERE batch_id = @batch", connection);
        command.Parameters.AddWithValue("batch", batchId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)), (reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    private static async Task<Dictionary<string, long>> QuarantineByRuleAsync(TestDatabase warehouse, long batchId, CancellationToken ct)
    {
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT split_part(table_name, '.', 2) || ' ' || rule, count(*) FROM dataplatform.quarantine WHERE batch_id = @batch GROUP BY 1", connection);
        command.Parameters.AddWithValue("batch", batchId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return rows;
    }
}
