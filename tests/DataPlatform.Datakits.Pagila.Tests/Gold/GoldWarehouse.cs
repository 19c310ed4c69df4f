using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>
/// A copy of the real Pagila dump as the source and a warehouse with bronze, silver, gold and the ledger deployed; runs the
/// whole pipeline (source → bronze → silver → gold) as one ledger batch, the way the warehouse host does.
/// </summary>
public sealed class GoldWarehouse : IAsyncDisposable
{
    private readonly NpgsqlDataSource _sourceDataSource;

    private GoldWarehouse(BronzeWarehouse bronze)
    {
        Bronze = bronze;

        // The pipeline's statements are set-based and can take long on a loaded 2-core CI machine: the transforms use the
        // caller's data source, so give the pipeline runs one without the 30 s default command timeout.
        Pipeline = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(bronze.Warehouse.ConnectionString) { CommandTimeout = 600 });
        _sourceDataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(bronze.Source.ConnectionString) { CommandTimeout = 600 });
    }

    public BronzeWarehouse Bronze { get; }

    public TestDatabase Source => Bronze.Source;

    public TestDatabase Warehouse => Bronze.Warehouse;

    /// <summary>The warehouse data source the pipeline runs on (long command timeout).</summary>
    public NpgsqlDataSource Pipeline { get; }

    public static async Task<GoldWarehouse> WithRealPagilaAsync(PostgresServer server, string nameHint, CancellationToken cancellationToken)
    {
        var bronze = await BronzeWarehouse.WithRealPagilaAsync(server, nameHint, cancellationToken);
        var cs = bronze.Warehouse.ConnectionString;
        await using (var silver = PagilaSilverContext.Create(cs))
        {
            await new SchemaDeployer().DeployAsync(silver, cs, cancellationToken);
        }

        await using (var gold = PagilaGoldContext.Create(cs))
        {
            await new SchemaDeployer().DeployAsync(gold, cs, cancellationToken);
        }

        return new GoldWarehouse(bronze);
    }

    /// <summary>Extracts the source into bronze, then runs silver and gold, as one batch; returns the gold results.</summary>
    public async Task<IReadOnlyList<TableResult>> RunPipelineAsync(
        bool fullRefresh, DateTime? goldRunTime, CancellationToken cancellationToken)
    {
        await using var ledger = new BatchLedger(Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync("pagila", cancellationToken);
        await PagilaBronze.Layer.ExtractAsync(_sourceDataSource, Pipeline, ledger, batchId, fullRefresh, null, null, cancellationToken);
        await PagilaSilver.Layer.RunAsync(Pipeline, batchId, DateTime.UtcNow, ledger, cancellationToken: cancellationToken);
        var gold = await PagilaGold.Layer.RunAsync(Pipeline, batchId, goldRunTime ?? DateTime.UtcNow, ledger, cancellationToken: cancellationToken);
        await ledger.CompleteBatchAsync(batchId, cancellationToken);
        return gold;
    }

    /// <summary>Runs only the gold step as its own batch (silver unchanged).</summary>
    public async Task<IReadOnlyList<TableResult>> RunGoldAsync(DateTime? runTime, CancellationToken cancellationToken)
    {
        await using var ledger = new BatchLedger(Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync("pagila", cancellationToken);
        var gold = await PagilaGold.Layer.RunAsync(Pipeline, batchId, runTime ?? DateTime.UtcNow, ledger, cancellationToken: cancellationToken);
        await ledger.CompleteBatchAsync(batchId, cancellationToken);
        return gold;
    }

    /// <summary>
    /// A fingerprint of every gold table: each row with its <c>xmin</c>, so an UPDATE that rewrites a row with equal values
    /// changes the fingerprint too ("a rerun changes nothing" means no new rows, no deleted rows and no touched rows).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> FingerprintAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in PagilaGold.Layer.Tables)
        {
            result[table] = await Warehouse.ScalarAsync<string>(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(t.xmin::text || t::text, ',' ORDER BY t::text)), '') FROM gl__pagila.{table} AS t",
                cancellationToken);
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await _sourceDataSource.DisposeAsync();
        await Bronze.DisposeAsync();
    }
}
