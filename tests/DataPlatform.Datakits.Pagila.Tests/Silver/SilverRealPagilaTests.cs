using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Silver;

/// <summary>Bronze → silver in the server against the real Pagila dump: nothing quarantined, counts equal the source.</summary>
public sealed class SilverRealPagilaTests(PostgresServer server) : IAsyncLifetime
{
    private BronzeWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await BronzeWarehouse.WithRealPagilaAsync(server, "silver_real", ct);
        await using var silver = PagilaSilverContext.Create(_warehouse.Warehouse.ConnectionString);
        await new SchemaDeployer().DeployAsync(silver, _warehouse.Warehouse.ConnectionString, ct);
        await _warehouse.RunAsync();
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task Real_pagila_lands_in_silver_with_zero_quarantine_and_source_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        var results = await RunSilverAsync(ct);

        Assert.All(results, r => Assert.Equal(0, r.RowsQuarantined));
        Assert.All(results, r => Assert.Equal(r.RowsRead, r.RowsWritten));
        foreach (var table in PagilaSilver.Layer.Tables)
        {
            var silver = await _warehouse.Warehouse.ScalarAsync<long>($"SELECT count(*) FROM sl__pagila.{table} WHERE inactivated_date IS NULL", ct);
            Assert.True(await _warehouse.SourceCountAsync(table) == silver, $"{table}: silver {silver} rows");
        }

        Assert.Equal(0L, await _warehouse.Warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.quarantine", ct));
        Assert.Equal(584L, await _warehouse.Warehouse.ScalarAsync<long>("SELECT count(*) FROM sl__pagila.customer WHERE is_active", ct));
        Assert.Equal(0L, await _warehouse.Warehouse.ScalarAsync<long>("SELECT count(*) FROM sl__pagila.address WHERE address2 = ''", ct));
        Assert.Equal(15L, await _warehouse.Warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch_table WHERE layer = 'silver'", ct));

        var rerun = await RunSilverAsync(ct);
        Assert.All(rerun, r => Assert.Equal(0, r.RowsRead));
    }

    private async Task<IReadOnlyList<TableResult>> RunSilverAsync(CancellationToken ct)
    {
        await using var ledger = new BatchLedger(_warehouse.Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync("pagila", ct);
        var results = await PagilaSilver.Layer.RunAsync(_warehouse.Warehouse.DataSource, batchId, DateTime.UtcNow, ledger, cancellationToken: ct);
        await ledger.CompleteBatchAsync(batchId, ct);
        return results;
    }
}
