using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Framework.Extraction;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Support;

/// <summary>
/// A warehouse test database with the deployed bronze schema and the batch ledger, plus a source database, and a way to
/// run one extraction as one ledger batch (start, extract, complete) the way the warehouse host does.
/// </summary>
public sealed class BronzeWarehouse : IAsyncDisposable
{
    public const string BronzeSchema = "br__pagila__public";

    private BronzeWarehouse(TestDatabase source, TestDatabase warehouse)
    {
        Source = source;
        Warehouse = warehouse;
    }

    public TestDatabase Source { get; }

    public TestDatabase Warehouse { get; }

    /// <summary>Extracts into bronze for a running batch (the caller starts and completes it).</summary>
    public async Task<IReadOnlyList<TableResult>> ExtractAsync(
        long batchId, bool fullRefresh = false, BronzeLayer<PagilaBronzeContext>? layer = null, CancellationToken ct = default)
    {
        await using var ledger = new BatchLedger(Warehouse.DataSource);
        return await (layer ?? PagilaBronze.Layer).ExtractAsync(Source.DataSource, Warehouse.DataSource, ledger, batchId, fullRefresh, null, null, ct);
    }

    /// <summary>A copy of the real Pagila dump as the source and an empty warehouse with bronze and the ledger deployed.</summary>
    public static async Task<BronzeWarehouse> WithRealPagilaAsync(PostgresServer server, string nameHint, CancellationToken cancellationToken)
    {
        var source = await server.CreatePagilaDatabaseAsync(nameHint + "_src", cancellationToken);
        return await CreateAsync(server, source, nameHint, cancellationToken);
    }

    /// <summary>An empty source database (for generated data) and an empty warehouse with bronze and the ledger deployed.</summary>
    public static async Task<BronzeWarehouse> WithEmptySourceAsync(PostgresServer server, string nameHint, CancellationToken cancellationToken)
    {
        var source = await server.CreateDatabaseAsync(nameHint + "_src", cancellationToken);
        return await CreateAsync(server, source, nameHint, cancellationToken);
    }

    /// <summary>Runs one extraction as one batch; returns the per-table result.</summary>
    public async Task<BronzeRun> RunAsync(bool fullRefresh = false, BronzeLayer<PagilaBronzeContext>? layer = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var ledger = new BatchLedger(Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync("pagila", cancellationToken);
        var tables = await (layer ?? PagilaBronze.Layer).ExtractAsync(Source.DataSource, Warehouse.DataSource, ledger, batchId, fullRefresh, null, null, cancellationToken);
        await ledger.CompleteBatchAsync(batchId, cancellationToken);
        return new BronzeRun(batchId, tables);
    }

    public Task<long> BronzeCountAsync(string table) =>
        Warehouse.ScalarAsync<long>($"SELECT count(*) FROM {BronzeSchema}.{table}", TestContext.Current.CancellationToken);

    public Task<long> SourceCountAsync(string table) =>
        Source.ScalarAsync<long>($"SELECT count(*) FROM public.{table}", TestContext.Current.CancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> BronzeCountsAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in PagilaTables.All)
        {
            counts[table] = await BronzeCountAsync(table);
        }

        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Warehouse.DisposeAsync();
    }

    private static async Task<BronzeWarehouse> CreateAsync(PostgresServer server, TestDatabase source, string nameHint, CancellationToken cancellationToken)
    {
        var warehouse = await server.CreateDatabaseAsync(nameHint + "_wh", cancellationToken);
        await using (var context = PagilaBronzeContext.Create(warehouse.ConnectionString))
        {
            await new SchemaDeployer().DeployAsync(context, warehouse.ConnectionString, cancellationToken);
        }

        await using (var ledger = new BatchLedger(warehouse.DataSource))
        {
            await ledger.EnsureSchemaAsync(cancellationToken);
        }

        return new BronzeWarehouse(source, warehouse);
    }
}
