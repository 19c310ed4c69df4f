using DataPlatform.Hosting;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Warehouses.Chinook.Tests;

/// <summary>
/// Chinook and Pagila in ONE warehouse database: one ledger (<c>dataplatform</c>), separate schemas, each warehouse with its
/// own synthetic source next to it. The decision: runs of different pipelines may overlap (each pipeline has its own run
/// lock; they share only append-only ledger and quarantine rows, and deploys wait for each other), while a second run of the
/// same pipeline still exits 4.
/// </summary>
public sealed class SharedDatabaseTests(PostgresServer server)
{
    [Fact]
    public async Task Both_warehouses_share_one_database_and_their_runs_may_overlap_but_not_a_pipeline_with_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("shared_dw", ct);
        string[] Run(params string[] extra) => ["run", "--warehouse", db.ConnectionString, "--source", "synthetic", "--dirty-rate", "0", "--no-progress", .. extra];
        try
        {
            // Both at once, from an empty database: both deploy the shared ledger, both succeed.
            var runs = await Task.WhenAll(Hosts.ChinookAsync(Run()), Hosts.PagilaAsync(Run("--scale", "0.05")));
            Assert.Equal([0, 0], runs);

            // While a Chinook run holds its lock, Pagila runs; a second Chinook run is refused with exit 4.
            await using (var holder = await db.OpenConnectionAsync(ct))
            {
                await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
                {
                    take.Parameters.AddWithValue("key", WarehouseHost.RunLockKey("chinook"));
                    await take.ExecuteNonQueryAsync(ct);
                }

                Assert.Equal(ExitCodes.LockHeld, await Hosts.ChinookAsync(Run()));
                Assert.Equal(0, await Hosts.PagilaAsync(Run("--scale", "0.05")));

                // The connection goes back to the pool with its session: release the lock explicitly.
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", holder);
                release.Parameters.AddWithValue("key", WarehouseHost.RunLockKey("chinook"));
                await release.ExecuteNonQueryAsync(ct);
            }

            Assert.NotEqual(WarehouseHost.RunLockKey("chinook"), WarehouseHost.RunLockKey("pagila"));
            Assert.Equal(0x7061_6769_6C61_2D77, WarehouseHost.RunLockKey("pagila")); // the key older Pagila hosts take
            Assert.Equal(0, await Hosts.ChinookAsync(Run()));

            Assert.Equal(
                ["chinook:succeeded", "chinook:succeeded", "pagila:succeeded", "pagila:succeeded"],
                await Hosts.ListAsync(db.DataSource, "SELECT pipeline || ':' || status FROM dataplatform.batch ORDER BY 1", ct));
            Assert.Equal(
                ["br__chinook__public", "br__pagila__public", "dataplatform", "gl__chinook", "gl__pagila", "sl__chinook", "sl__pagila"],
                await Hosts.ListAsync(db.DataSource, "SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_\\_%' OR nspname = 'dataplatform' ORDER BY 1", ct));
            Assert.Equal(["59"], await Hosts.ListAsync(db.DataSource, "SELECT count(*) FROM gl__chinook.dim_customer WHERE is_current", ct));
            Assert.Equal(["30"], await Hosts.ListAsync(db.DataSource, "SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
            Assert.Equal(
                [$"{db.Name}_chinook_source", $"{db.Name}_pagila_source"],
                await Hosts.ListAsync(db.DataSource, $"SELECT datname FROM pg_database WHERE datname LIKE '{db.Name}\\_%' ORDER BY 1", ct));

            // Each warehouse's status shows its own batches only.
            Assert.Equal(0, await Hosts.ChinookAsync("status", "--warehouse", db.ConnectionString));
        }
        finally
        {
            await using var admin = NpgsqlDataSource.Create(server.ConnectionString);
            foreach (var source in new[] { "chinook", "pagila" })
            {
                await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{db.Name}_{source}_source\" WITH (FORCE)");
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }
}
