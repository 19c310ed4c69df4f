using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>A full refresh of an unchanged source rewrites nothing; a source column of another type stops the run with exit 2.</summary>
public sealed class FullRefreshAndDriftTests(PostgresServer server)
{
    [Fact]
    public async Task A_full_refresh_of_an_unchanged_source_appends_no_bronze_row_and_rewrites_no_silver_or_gold_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var source = await server.CreatePagilaDatabaseAsync("refresh_src", ct);
        await using var warehouse = await server.CreateDatabaseAsync("refresh_wh", ct);
        string[] run = ["run", "--source", source.ConnectionString, "--warehouse", warehouse.ConnectionString];

        var first = await WarehouseCli.RunAsync(run);
        var bronzeRows = await warehouse.ScalarAsync<long>("SELECT count(*) FROM br__pagila__public.rental", ct);
        var before = await RowVersions.TakeAsync(warehouse.DataSource, ct);
        var refresh = await WarehouseCli.RunAsync([.. run, "--full-refresh"]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Assert.Empty(RowVersions.Changed(before, await RowVersions.TakeAsync(warehouse.DataSource, ct)));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>(
            "SELECT coalesce(sum(rows_written), 0) FROM dataplatform.batch_table WHERE layer = 'bronze' AND batch_id = (SELECT max(batch_id) FROM dataplatform.batch)", ct));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM dataplatform.batch_table WHERE layer = 'bronze' AND batch_id = (SELECT max(batch_id) FROM dataplatform.batch) AND rows_unchanged <> rows_read", ct));
        Assert.Matches(@"bronze\s+rental\s+(\S+)\s+0\s+\1\s+0\s", refresh.StandardOutput);
        Assert.True(bronzeRows > 0);
    }

    [Fact]
    public async Task A_source_column_whose_type_changed_exits_2_naming_the_table_and_column()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var source = await server.CreatePagilaDatabaseAsync("drift_src", ct);
        await using var warehouse = await server.CreateDatabaseAsync("drift_wh", ct);
        await source.ExecuteAsync("ALTER TABLE film_actor ALTER COLUMN last_update TYPE timestamp without time zone", ct);

        var result = await WarehouseCli.RunAsync(["run", "--source", source.ConnectionString, "--warehouse", warehouse.ConnectionString]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("public.film_actor.last_update is timestamp without time zone", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM br__pagila__public.film_actor", ct));
        Assert.Equal("failed", await warehouse.ScalarAsync<string>("SELECT status FROM dataplatform.batch ORDER BY batch_id DESC LIMIT 1", ct));
    }
}
