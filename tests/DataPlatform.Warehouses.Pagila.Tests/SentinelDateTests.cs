using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>A sentinel date in the source (<c>return_date = 9999-12-31</c>) is quarantined with its dependants instead of failing the run.</summary>
public sealed class SentinelDateTests(PostgresServer server)
{
    [Fact]
    public async Task A_sentinel_return_date_is_quarantined_with_its_payments_and_gold_equals_the_source_without_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dirty = await server.CreatePagilaDatabaseAsync("sentinel_src", ct);
        await using var clean = await server.CreatePagilaDatabaseAsync("sentinel_clean", ct);
        await using var dirtyWarehouse = await server.CreateDatabaseAsync("sentinel_wh", ct);
        await using var cleanWarehouse = await server.CreateDatabaseAsync("sentinel_clean_wh", ct);
        const string Rental = "(SELECT min(r.rental_id) FROM rental r WHERE r.return_date IS NOT NULL AND r.rental_id > 8000 AND EXISTS (SELECT 1 FROM payment p WHERE p.rental_id = r.rental_id))";
        var rentalId = await dirty.ScalarAsync<int>($"SELECT {Rental}", ct);
        var payments = await dirty.ScalarAsync<long>($"SELECT count(*) FROM payment WHERE rental_id = {rentalId}", ct);
        await dirty.ExecuteAsync($"UPDATE rental SET return_date = '9999-12-31' WHERE rental_id = {rentalId}", ct);
        await clean.ExecuteAsync($"DELETE FROM payment WHERE rental_id = {rentalId}; DELETE FROM rental WHERE rental_id = {rentalId}", ct);

        var run = await WarehouseCli.RunAsync(["run", "--source", dirty.ConnectionString, "--warehouse", dirtyWarehouse.ConnectionString]);
        var reference = await WarehouseCli.RunAsync(["run", "--source", clean.ConnectionString, "--warehouse", cleanWarehouse.ConnectionString]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(reference.ExitCode == 0, reference.ToString());
        Assert.Equal(rentalId.ToString(System.Globalization.CultureInfo.InvariantCulture), await dirtyWarehouse.ScalarAsync<string>(
            "SELECT row_key FROM dataplatform.quarantine WHERE table_name = 'sl__pagila.rental' AND rule = 'implausible_date'", ct));
        Assert.Equal(payments, await dirtyWarehouse.ScalarAsync<long>(
            "SELECT count(*) FROM dataplatform.quarantine WHERE table_name = 'sl__pagila.payment' AND rule = 'parent_quarantined'", ct));
        Assert.True(await dirtyWarehouse.ScalarAsync<bool>("SELECT max(full_date) < DATE '2100-01-01' FROM gl__pagila.dim_date", ct));
        Assert.Null(GoldSnapshot.FirstDifference(await GoldSnapshot.TakeAsync(cleanWarehouse, ct), await GoldSnapshot.TakeAsync(dirtyWarehouse, ct)));
    }
}
