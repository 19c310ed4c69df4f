using DataPlatform.Framework.Extraction;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Extraction;

/// <summary>A source database (schema <c>src</c>) and a warehouse with <see cref="ExtractionBronzeContext"/> and the ledger deployed.</summary>
public sealed class ExtractionDatabases : IAsyncDisposable
{
    public const string Bronze = "br__xt__src";

    private ExtractionDatabases(TestDatabase source, TestDatabase warehouse)
    {
        Source = source;
        Warehouse = warehouse;
    }

    public TestDatabase Source { get; }

    public TestDatabase Warehouse { get; }

    public static async Task<ExtractionDatabases> CreateAsync(PostgresServer server, string nameHint, CancellationToken ct)
    {
        var source = await server.CreateDatabaseAsync(nameHint + "_src", ct);
        await source.ExecuteAsync(ExtractionBronzeContext.SourceDdl, ct);
        var warehouse = await server.CreateDatabaseAsync(nameHint + "_wh", ct);
        await DeployAsync(warehouse, ct);
        await using (var ledger = new BatchLedger(warehouse.DataSource))
        {
            await ledger.EnsureSchemaAsync(ct);
        }

        return new ExtractionDatabases(source, warehouse);
    }

    public static async Task DeployAsync(TestDatabase warehouse, CancellationToken ct)
    {
        await using var context = ExtractionBronzeContext.Create(warehouse.ConnectionString);
        await new SchemaDeployer().DeployAsync(context, warehouse.ConnectionString, ct);
    }

    /// <summary>Runs <paramref name="layer"/> as one batch through <see cref="PipelineLayer.RunAsync"/>, the way the runner does.</summary>
    public async Task<(long BatchId, IReadOnlyList<TableResult> Tables)> RunAsync(BronzeLayer<ExtractionBronzeContext> layer, bool fullRefresh = false)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ledger = new BatchLedger(Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync("xt", ct);
        var progress = new RecordingProgress();
        var run = new PipelineLayerRun(
            "xt", batchId, DateTime.UtcNow, fullRefresh, Source.DataSource, Warehouse.DataSource, ledger, progress,
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var tables = await layer.RunAsync(run, ct);
        await ledger.CompleteBatchAsync(batchId, ct);
        Assert.Equal(tables.Select(t => t.Table).Order(), progress.Started.Order());
        Assert.Equal(tables.Select(t => t.Table).Order(), progress.Completed.Select(t => t.Table).Order());
        return (batchId, tables);
    }

    public Task<long> CountAsync(string table, string where = "true") =>
        Warehouse.ScalarAsync<long>($"SELECT count(*) FROM {Bronze}.{table} WHERE {where}", TestContext.Current.CancellationToken);

    public Task<int> SourceAsync(string sql) => Source.ExecuteAsync(sql, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Warehouse.DisposeAsync();
    }

    private sealed class RecordingProgress : IPipelineProgress
    {
        private readonly List<string> _started = [];
        private readonly List<TableResult> _completed = [];

        public IReadOnlyList<string> Started
        {
            get
            {
                lock (_started)
                {
                    return [.. _started];
                }
            }
        }

        public IReadOnlyList<TableResult> Completed
        {
            get
            {
                lock (_completed)
                {
                    return [.. _completed];
                }
            }
        }

        public void Phase(string description)
        {
        }

        public void TableStarted(string layer, string table)
        {
            Assert.Equal("bronze", layer);
            lock (_started)
            {
                _started.Add(table);
            }
        }

        public void TableCompleted(TableResult result)
        {
            lock (_completed)
            {
                _completed.Add(result);
            }
        }
    }
}
