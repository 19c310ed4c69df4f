using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>
/// <c>run --source &lt;real Pagila&gt; --warehouse &lt;test db&gt;</c> as a process: the gold counts, a rerun that adds nothing,
/// SIGKILL during bronze, silver and gold followed by a rerun that ends exactly where an uninterrupted run ends, and two
/// concurrent runs. One copy of the real Pagila dump is the source of every run (read only).
/// </summary>
public sealed class RealPagilaRunTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase? _pagila;
    private TestDatabase? _baseline;
    private IReadOnlyDictionary<string, string>? _baselineGold;

    private TestDatabase Pagila => _pagila ?? throw new InvalidOperationException("not initialized");

    public async ValueTask InitializeAsync() =>
        _pagila = await server.CreatePagilaDatabaseAsync("wh_pagila_source", TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_run_against_the_real_Pagila_gives_the_gold_counts_and_a_rerun_adds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var warehouse = await BaselineAsync(ct);

        Assert.Equal(599L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
        Assert.Equal(1_000L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_film", ct));
        Assert.Equal(500L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_store", ct));
        Assert.Equal(1_500L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_staff", ct));
        Assert.Equal(16_044L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(16_049L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_payment", ct));

        var before = await RowVersions.TakeAsync(warehouse.DataSource, ct);
        var rerun = await RunAsync(warehouse);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Empty(RowVersions.Changed(before, await RowVersions.TakeAsync(warehouse.DataSource, ct))); // silver and gold untouched
        Assert.Equal(0L, await warehouse.ScalarAsync<long>(
            "SELECT coalesce(sum(rows_written), 0) FROM dataplatform.batch_table WHERE layer = 'bronze' AND batch_id = (SELECT max(batch_id) FROM dataplatform.batch)", ct));
        Assert.Equal(599L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer", ct));
        Assert.Null(GoldSnapshot.FirstDifference(_baselineGold!, await GoldSnapshot.TakeAsync(warehouse, ct)));
    }

    [Fact]
    public async Task Runs_killed_during_bronze_silver_and_gold_leave_whole_steps_and_the_next_run_ends_like_an_uninterrupted_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseline = await BaselineAsync(ct);
        await using var warehouse = await server.CreateDatabaseAsync("wh_killed", ct);

        // SIGKILL as soon as the first table of a layer is done (bronze: committed; silver and gold: transformed, the
        // layer's transaction still open), so the layer is half done when the process dies.
        var killPoints = new (string Layer, Func<string, bool> When)[]
        {
            ("bronze", line => line.Contains("Extracted ", StringComparison.Ordinal)),
            ("silver", line => line.Contains(" into sl__pagila.", StringComparison.Ordinal)),
            ("gold", line => line.Contains(" into gl__pagila.", StringComparison.Ordinal)),
        };
        var first = true;
        foreach (var (layer, when) in killPoints)
        {
            var killed = await RunAsync(warehouse, when);
            Assert.True(killed.Killed, $"the run was not killed during {layer}: {killed}");
            if (!first)
            {
                // Each run marks the batch of the run killed before it as failed.
                Assert.Contains("Marked 1 abandoned batch(es) as failed", killed.StandardError, StringComparison.Ordinal);
            }

            first = false;

            // No partial table is visible: each silver/gold table is either untouched (empty) or complete.
            foreach (var table in await TablesAsync(warehouse, ct))
            {
                var rows = await warehouse.ScalarAsync<long>($"SELECT count(*) FROM {table}", ct);
                var complete = await baseline.ScalarAsync<long>($"SELECT count(*) FROM {table}", ct);
                Assert.True(rows == 0 || rows == complete, $"after the kill during {layer}, {table} has {rows} rows (complete: {complete})");
            }
        }

        var final = await RunAsync(warehouse);

        Assert.True(final.ExitCode == 0, final.ToString());
        Assert.Contains("Marked 1 abandoned batch(es) as failed", final.StandardError, StringComparison.Ordinal);
        Assert.Equal("failed,failed,failed,succeeded", await warehouse.ScalarAsync<string>(
            "SELECT string_agg(status, ',' ORDER BY batch_id) FROM dataplatform.batch", ct));
        Assert.Null(GoldSnapshot.FirstDifference(_baselineGold!, await GoldSnapshot.TakeAsync(warehouse, ct)));
    }

    [Fact]
    public async Task Of_two_concurrent_runs_one_exits_4_and_gold_has_no_duplicate_current_customer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("wh_concurrent", ct);

        var first = WarehouseCli.Start(Arguments(warehouse));
        await first.WaitForStderrAsync(line => line.Contains("Deploying", StringComparison.Ordinal) || line.Contains("Batch", StringComparison.Ordinal));
        var second = await WarehouseCli.RunAsync(Arguments(warehouse));
        var firstResult = await first.WaitAsync();

        Assert.True(firstResult.ExitCode == 0, firstResult.ToString());
        Assert.True(second.ExitCode == 4, second.ToString());
        Assert.Equal(0L, await warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT customer_id FROM gl__pagila.dim_customer WHERE is_current GROUP BY 1 HAVING count(*) > 1) d", ct));
        Assert.Equal(599L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch", ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (_baseline is not null)
        {
            await _baseline.DisposeAsync();
        }

        if (_pagila is not null)
        {
            await _pagila.DisposeAsync();
        }
    }

    // One uninterrupted run per test class instance that needs it (xunit runs a class's tests one after another).
    private async Task<TestDatabase> BaselineAsync(CancellationToken ct)
    {
        if (_baseline is not null)
        {
            return _baseline;
        }

        _baseline = await server.CreateDatabaseAsync("wh_baseline", ct);
        var result = await RunAsync(_baseline);
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var expected in new[] { "Batch 1 succeeded", "bronze", "silver", "gold", "fact_rental" })
        {
            Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
        }

        _baselineGold = await GoldSnapshot.TakeAsync(_baseline, ct);
        return _baseline;
    }

    private Task<CliResult> RunAsync(TestDatabase warehouse, Func<string, bool>? killWhen = null) =>
        WarehouseCli.RunAsync(Arguments(warehouse), killWhen: killWhen);

    private string[] Arguments(TestDatabase warehouse) => ["run", "--source", Pagila.ConnectionString, "--warehouse", warehouse.ConnectionString];

    private static async Task<IReadOnlyList<string>> TablesAsync(TestDatabase warehouse, CancellationToken ct)
    {
        var list = await warehouse.ScalarAsync<string?>(
            "SELECT string_agg(format('%I.%I', table_schema, table_name), ',') FROM information_schema.tables "
            + "WHERE table_schema IN ('sl__pagila', 'gl__pagila') AND table_type = 'BASE TABLE' AND table_name NOT LIKE '%\\_\\_history'",
            ct);
        return list is null ? [] : list.Split(',');
    }
}
