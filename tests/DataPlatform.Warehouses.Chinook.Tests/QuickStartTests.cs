using DataPlatform.LocalPostgres;
using Npgsql;

namespace DataPlatform.Warehouses.Chinook.Tests;

/// <summary>
/// The quick start, <c>dotnet run --project layer3-warehouses/chinook-warehouse -- run</c>, in-process through the host's entry
/// point: the embedded default cluster (here under a temporary <c>--data-dir</c>) with a synthetic Chinook source, every
/// layer; then a second run that is incremental: nothing new in bronze, no row of bronze, silver (with history) or gold touched.
/// </summary>
public sealed class QuickStartTests : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "dp-chinook-quickstart-" + Guid.NewGuid().ToString("N")[..8]);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_quick_start_loads_every_layer_and_a_second_run_is_incremental()
    {
        var ct = TestContext.Current.CancellationToken;
        // --keep-running leaves the cluster up so the test can look inside between the runs; the second run adopts it.
        Assert.Equal(0, await Hosts.ChinookAsync("run", "--data-dir", _home, "--no-progress", "--keep-running"));
        await using var cluster = LocalPostgresCluster.CreatePersistent(
            Path.Combine(_home, "cluster"), new LocalPostgresClusterOptions { StopWhenProcessExits = false, DisableDurability = false });
        await cluster.StartAsync(ct);
        await using var warehouse = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "chinook_warehouse" }.ConnectionString);
        const string Schemas = "'br__chinook__public', 'sl__chinook', 'gl__chinook'";
        var before = await Hosts.PhysicalStateAsync(warehouse, Schemas, ct);
        Assert.Equal(
            await Hosts.ListAsync(warehouse, "SELECT count(*) FROM sl__chinook.customer", ct),
            await Hosts.ListAsync(warehouse, "SELECT count(*) FROM gl__chinook.dim_customer WHERE is_current", ct));
        Assert.Equal(
            await Hosts.ListAsync(warehouse, "SELECT count(*) FROM sl__chinook.invoice_line", ct),
            await Hosts.ListAsync(warehouse, "SELECT count(*) FROM gl__chinook.fact_invoice_line", ct));
        Assert.True(int.Parse((await Hosts.ListAsync(warehouse, "SELECT count(*) FROM gl__chinook.fact_invoice_line", ct)).Single(), System.Globalization.CultureInfo.InvariantCulture) > 2000);

        Assert.Equal(0, await Hosts.ChinookAsync("run", "--data-dir", _home, "--no-progress"));

        Assert.Equal(before, await Hosts.PhysicalStateAsync(warehouse, Schemas, ct));
        Assert.Equal(["1:succeeded", "2:succeeded"], await Hosts.ListAsync(warehouse, "SELECT batch_id || ':' || status FROM dataplatform.batch ORDER BY batch_id", ct));
        Assert.Equal(["0"], await Hosts.ListAsync(warehouse, "SELECT coalesce(sum(rows_written), 0) FROM dataplatform.batch_table WHERE batch_id = 2 AND layer = 'bronze'", ct));
        Assert.Equal(["11"], await Hosts.ListAsync(warehouse, "SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = 2 AND layer = 'bronze' AND rows_read > 0", ct));
        NpgsqlConnection.ClearAllPools();
        await cluster.StopAsync(ct);
    }
}
