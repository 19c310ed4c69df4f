using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Bronze.Entities;
using DataPlatform.Framework.Extraction;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Bronze;

/// <summary>The bronze extractor against a copy of the real Pagila dump (partitioned payment, enum, domain, ids from 0).</summary>
public sealed class RealPagilaExtractionTests(PostgresServer server)
{
    [Fact]
    public async Task First_run_copies_every_table_and_a_second_run_adds_nothing()
    {
        await using var warehouse = await BronzeWarehouse.WithRealPagilaAsync(server, "br_real_counts", TestContext.Current.CancellationToken);

        var first = await warehouse.RunAsync();

        foreach (var table in PagilaTables.All)
        {
            var source = await warehouse.SourceCountAsync(table);
            Assert.Equal(source, await warehouse.BronzeCountAsync(table));
            var result = first.Tables.Single(t => t.Table == table);
            Assert.Equal(source, result.RowsRead);
            Assert.Equal(source, result.RowsWritten);
        }

        Assert.Equal(49_636, first.RowsWritten);
        var countsAfterFirst = await warehouse.BronzeCountsAsync();

        var second = await warehouse.RunAsync();

        Assert.All(second.Tables, t => Assert.Equal(0, t.RowsWritten));
        Assert.Equal(countsAfterFirst, await warehouse.BronzeCountsAsync());
        Assert.All(second.Tables, t => Assert.Equal(t.CursorBefore, t.CursorAfter));
    }

    [Fact]
    public async Task After_updating_10_rows_in_3_tables_and_inserting_100_rentals_the_next_run_adds_exactly_those()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithRealPagilaAsync(server, "br_real_delta", ct);
        await warehouse.RunAsync();

        // The source's last_updated triggers bump last_update on UPDATE.
        await warehouse.Source.ExecuteAsync("UPDATE actor SET last_name = last_name || 'X' WHERE actor_id BETWEEN 1 AND 4", ct);
        await warehouse.Source.ExecuteAsync("UPDATE customer SET email = lower(email) WHERE customer_id IN (1, 2, 3)", ct);
        await warehouse.Source.ExecuteAsync("UPDATE film SET rental_rate = rental_rate + 1 WHERE film_id IN (10, 20, 30)", ct);
        await warehouse.Source.ExecuteAsync(
            """
            INSERT INTO rental (rental_date, inventory_id, customer_id, return_date, staff_id)
            SELECT now() - make_interval(mins => g), 1 + g, 1 + g, NULL, g % 10
            FROM generate_series(1, 100) AS g
            """,
            ct);

        var next = await warehouse.RunAsync();

        var written = next.Tables.Where(t => t.RowsWritten > 0).ToDictionary(t => t.Table, t => t.RowsWritten);
        Assert.Equal(new Dictionary<string, long> { ["actor"] = 4, ["customer"] = 3, ["film"] = 3, ["rental"] = 100 }, written);
        Assert.Equal(16_144, await warehouse.BronzeCountAsync("rental"));
        Assert.Equal(2L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM {BronzeWarehouse.BronzeSchema}.actor WHERE actor_id = 1", ct));
        Assert.Equal(await warehouse.Source.ScalarAsync<string>("SELECT last_name FROM actor WHERE actor_id = 1", ct), await warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT last_name FROM {BronzeWarehouse.BronzeSchema}.actor WHERE actor_id = 1 ORDER BY dp_batch_id DESC LIMIT 1", ct));

        // Rows inside the lag window are re-read but not duplicated.
        var again = await warehouse.RunAsync();
        Assert.All(again.Tables, t => Assert.Equal(0, t.RowsWritten));
        Assert.Equal(100, again.Tables.Single(t => t.Table == "rental").RowsUnchanged);
    }

    [Fact]
    public async Task A_late_commit_with_last_update_older_than_the_cursor_but_inside_the_lag_is_picked_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithRealPagilaAsync(server, "br_real_late", ct);
        await warehouse.RunAsync();
        var cursor = await warehouse.Source.ScalarAsync<DateTime>("SELECT max(last_update) FROM rental", ct);

        // Committed after the run, stamped before its cursor: one inside the 5-minute lag, one far outside it.
        await warehouse.Source.ExecuteAsync(
            $"""
            INSERT INTO rental (rental_date, inventory_id, customer_id, staff_id, last_update) VALUES
                ('2022-08-01', 1, 1, 1, timestamptz '{cursor:yyyy-MM-dd HH:mm:ss.ffffff}+00' - interval '2 minutes'),
                ('2022-08-01', 2, 2, 1, timestamptz '{cursor:yyyy-MM-dd HH:mm:ss.ffffff}+00' - interval '2 hours')
            """,
            ct);

        var next = await warehouse.RunAsync();

        var rental = next.Tables.Single(t => t.Table == "rental");
        Assert.Equal(1, rental.RowsWritten);
        Assert.Equal(1L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM {BronzeWarehouse.BronzeSchema}.rental WHERE inventory_id = 1 AND rental_date = '2022-08-01'", ct));

        // With a lag wide enough the older one arrives too, and nothing else is duplicated.
        var wide = await warehouse.RunAsync(layer: new BronzeLayer<PagilaBronzeContext>().Table<Rental>(ExtractionPolicy.Cursor("last_update", TimeSpan.FromHours(3))));
        Assert.Equal(1, wide.Tables.Single(t => t.Table == "rental").RowsWritten);
    }

    [Fact]
    public async Task A_full_refresh_after_deleting_source_rows_records_their_deletion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithRealPagilaAsync(server, "br_real_delete", ct);
        await warehouse.RunAsync();
        await warehouse.Source.ExecuteAsync("DELETE FROM film_actor WHERE actor_id = 1 AND film_id = 1", ct);
        await warehouse.Source.ExecuteAsync("DELETE FROM payment WHERE payment_id = 16050", ct);

        var full = await warehouse.RunAsync(fullRefresh: true);

        var filmActor = full.Tables.Single(t => t.Table == "film_actor");
        Assert.Equal(1, filmActor.RowsDeleted);
        Assert.Equal((1L, 5_461L), (filmActor.RowsWritten, filmActor.RowsUnchanged)); // only the delete: a full refresh appends what changed
        Assert.Equal(1, full.Tables.Single(t => t.Table == "payment").RowsDeleted);
        Assert.All(full.Tables.Where(t => t.Table is not "film_actor" and not "payment"), t => Assert.Equal(0, t.RowsDeleted));
        Assert.Equal("delete", await warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT dp_operation FROM {BronzeWarehouse.BronzeSchema}.film_actor WHERE actor_id = 1 AND film_id = 1 ORDER BY dp_batch_id DESC LIMIT 1", ct));
        Assert.Equal("delete", await warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT dp_operation FROM {BronzeWarehouse.BronzeSchema}.payment WHERE payment_id = 16050 ORDER BY dp_batch_id DESC LIMIT 1", ct));

        // A second full refresh does not record the same deletion again.
        var again = await warehouse.RunAsync(fullRefresh: true, layer: PagilaBronze.Layer.Only("film_actor"));
        Assert.Equal(0, again.Tables.Single().RowsDeleted);
    }

    [Fact]
    public async Task Staff_password_exists_in_no_warehouse_table_and_the_ledger_holds_counts_and_cursors()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithRealPagilaAsync(server, "br_real_secret", ct);
        var run = await warehouse.RunAsync();

        Assert.Equal(0L, await warehouse.Warehouse.ScalarAsync<long>(
            """
            SELECT count(*) FROM information_schema.columns
            WHERE column_name ILIKE '%password%' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """,
            ct));
        Assert.Equal(0L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM {BronzeWarehouse.BronzeSchema}.staff s WHERE s::text LIKE '%8cb2237d0679ca88db6464eac60da96345513964%'", ct));

        Assert.Equal(15L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = {run.BatchId} AND layer = 'bronze' AND watermark_after IS NOT NULL", ct));
        Assert.Equal(16_044L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT rows_written FROM dataplatform.batch_table WHERE batch_id = {run.BatchId} AND table_name = 'br__pagila__public.rental'", ct));
        Assert.Contains("\"payment_id\":32098", await warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT watermark_after FROM dataplatform.batch_table WHERE batch_id = {run.BatchId} AND table_name = 'br__pagila__public.payment'", ct));
        Assert.Equal(0, await warehouse.Warehouse.ScalarAsync<int>(
            $"SELECT count(*)::int FROM {BronzeWarehouse.BronzeSchema}.payment WHERE dp_batch_id <> {run.BatchId} OR length(dp_record_hash) <> 16", ct));
        Assert.Equal(15L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = {run.BatchId} AND source_table = 'public.' || split_part(table_name, '.', 2)", ct));
    }
}
