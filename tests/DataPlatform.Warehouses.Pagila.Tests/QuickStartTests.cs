using DataPlatform.LocalPostgres;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>
/// The documented quick start, <c>dotnet run --project layer3-warehouses/pagila-warehouse -- run</c> with no flags, as a
/// process: the embedded default (a local cluster under .dataplatform, here a temp directory via DATAPLATFORM_HOME),
/// the synthetic source at scale 1, every layer, the summary; then a second, incremental run that adds nothing.
/// </summary>
public sealed class QuickStartTests : IAsyncLifetime
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "dp-quickstart-" + Guid.NewGuid().ToString("N")[..8]);

    private Dictionary<string, string?> Environment => new() { ["DATAPLATFORM_HOME"] = _home };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_quick_start_loads_every_layer_and_a_second_run_is_incremental()
    {
        var ct = TestContext.Current.CancellationToken;

        var first = await WarehouseCli.RunAsync(["run"], Environment);

        Assert.True(first.ExitCode == 0, first.ToString());
        foreach (var expected in new[] { "Batch 1 succeeded", "source", "bronze", "silver", "gold", "quarantined", "rows/s", "psql \"host=127.0.0.1 port=" })
        {
            Assert.Contains(expected, first.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("fact_rental", first.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", first.StandardOutput, StringComparison.Ordinal); // logs go to stderr
        Assert.Contains("info:", first.StandardError, StringComparison.Ordinal);

        // The run stopped the cluster. Start it again (same directory, recorded port) to look inside; the second run then
        // adopts the running cluster and leaves it running.
        await using var cluster = LocalPostgresCluster.CreatePersistent(
            Path.Combine(_home, "cluster"), new LocalPostgresClusterOptions { StopWhenProcessExits = false, DisableDurability = false });
        await cluster.StartAsync(ct);
        Assert.Contains($"port={cluster.Port}", first.StandardOutput, StringComparison.Ordinal); // the port is stable from run to run
        var password = (await File.ReadAllTextAsync(cluster.PasswordFile, ct)).Trim();
        Assert.DoesNotContain(password, first.StandardOutput + first.StandardError, StringComparison.Ordinal);
        Assert.Contains(cluster.PasswordFile, first.StandardOutput, StringComparison.Ordinal); // the hint says where it is, not what it is
        await using var warehouse = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "pagila_warehouse" }.ConnectionString);
        var before = await RowVersions.TakeAsync(warehouse, ct);

        var second = await WarehouseCli.RunAsync(["run"], Environment);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Batch 2 succeeded", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Generating the synthetic Pagila source", second.StandardError, StringComparison.Ordinal);
        Assert.Empty(RowVersions.Changed(before, await RowVersions.TakeAsync(warehouse, ct))); // nothing new in silver or gold

        var batches = await ListAsync(warehouse, "SELECT batch_id || ':' || status FROM dataplatform.batch ORDER BY batch_id", ct);
        Assert.Equal(["1:succeeded", "2:succeeded"], batches);

        // Batch 1 wrote every layer; batch 2 found nothing new in the source; silver's counts add up.
        Assert.True(await ScalarAsync(warehouse, "SELECT sum(rows_written) FROM dataplatform.batch_table WHERE batch_id = 1 AND layer = 'gold'", ct) > 0);
        Assert.Equal(0, await ScalarAsync(warehouse, "SELECT coalesce(sum(rows_written), 0) FROM dataplatform.batch_table WHERE batch_id = 2 AND layer = 'bronze'", ct));
        Assert.Equal(
            await ScalarAsync(warehouse, "SELECT coalesce(sum(rows_read), 0) FROM dataplatform.batch_table WHERE batch_id = 1 AND layer = 'silver'", ct),
            await ScalarAsync(warehouse, "SELECT coalesce(sum(rows_written + rows_quarantined), 0) FROM dataplatform.batch_table WHERE batch_id = 1 AND layer = 'silver'", ct));

        // Gold matches silver: every film, rental and payment that passed the rules, one current version per customer.
        Assert.Equal(await ScalarAsync(warehouse, "SELECT count(*) FROM sl__pagila.film", ct), await ScalarAsync(warehouse, "SELECT count(*) FROM gl__pagila.dim_film", ct));
        Assert.Equal(await ScalarAsync(warehouse, "SELECT count(*) FROM sl__pagila.rental", ct), await ScalarAsync(warehouse, "SELECT count(*) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(await ScalarAsync(warehouse, "SELECT count(*) FROM sl__pagila.payment", ct), await ScalarAsync(warehouse, "SELECT count(*) FROM gl__pagila.fact_payment", ct));
        Assert.Equal(
            await ScalarAsync(warehouse, "SELECT count(*) FROM sl__pagila.customer WHERE inactivated_date IS NULL", ct),
            await ScalarAsync(warehouse, "SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
        Assert.InRange(await ScalarAsync(warehouse, "SELECT count(*) FROM gl__pagila.fact_rental", ct), 10_000, 16_044);
        Assert.Equal(0, await ScalarAsync(warehouse, "SELECT count(*) FROM (SELECT customer_id FROM gl__pagila.dim_customer WHERE is_current GROUP BY 1 HAVING count(*) > 1) d", ct));

        var status = await WarehouseCli.RunAsync(["status"], Environment);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("succeeded", status.StandardOutput, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(_home, "cluster", "data")))
        {
            // Stops the cluster whoever started it (a failed assertion can leave it running).
            await using var cluster = LocalPostgresCluster.CreatePersistent(Path.Combine(_home, "cluster"), new LocalPostgresClusterOptions { StopWhenProcessExits = false });
            await cluster.StopAsync(CancellationToken.None);
        }

        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
        catch (UnauthorizedAccessException)
        {
            // owned by the postgres user when the tests run as root; the temp directory is cleaned by the OS
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        var values = new List<string>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
