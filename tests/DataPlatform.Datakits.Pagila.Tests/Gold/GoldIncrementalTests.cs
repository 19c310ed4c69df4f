using DataPlatform.Framework.Pipelines;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>
/// Incremental gold on the real Pagila dump: after the first load, a run recomputes only the facts whose inputs changed
/// (changed rentals, new payments, customers with a new version), and what it leaves equals a full recompute: voiding the
/// watermarks and running gold again changes no row. A payment moved to another rental changes the sums of a rental the
/// payment no longer names, which only a full recompute of the rental facts sees, so the run does one.
/// </summary>
public sealed class GoldIncrementalTests(PostgresServer server)
{
    private const string LiveFactsDifferingFromSilver = """
        SELECT count(*) FROM gl__pagila.fact_rental AS f
        LEFT JOIN (SELECT rental_id, sum(amount) AS amount, count(*) AS n FROM sl__pagila.payment WHERE inactivated_date IS NULL GROUP BY rental_id) AS p
          ON p.rental_id = f.rental_id
        WHERE (f.amount_paid, f.payment_count) IS DISTINCT FROM (coalesce(p.amount, 0), coalesce(p.n, 0))
        """;

    [Fact]
    public async Task An_update_batch_recomputes_only_the_changed_facts_and_leaves_what_a_full_recompute_would()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var w = await GoldWarehouse.WithRealPagilaAsync(server, "gold_incremental", ct);
        await w.RunPipelineAsync(false, null, ct);
        var rentals = await w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct);

        await w.Source.ExecuteAsync("""
            UPDATE rental SET return_date = return_date + interval '1 day', last_update = now() WHERE rental_id % 50 = 1 AND return_date IS NOT NULL;
            INSERT INTO payment (customer_id, staff_id, rental_id, amount, payment_date)
            SELECT p.customer_id, p.staff_id, p.rental_id, 2.50, p.payment_date FROM payment AS p
            WHERE p.rental_id % 50 = 2 AND p.payment_id = (SELECT min(q.payment_id) FROM payment AS q WHERE q.rental_id = p.rental_id);
            UPDATE customer SET email = 'moved.' || email, last_update = now() WHERE customer_id % 20 = 3;
            """, ct);
        var gold = await w.RunPipelineAsync(false, null, ct);

        var factRental = gold.Single(r => r.Table == "fact_rental");
        var factPayment = gold.Single(r => r.Table == "fact_payment");
        Assert.InRange(factRental.RowsRead, 1, rentals / 2);
        Assert.True(factRental.RowsUpdated > 0, "changed rentals, their new payments and customers' new versions update facts");
        Assert.True(factPayment.RowsInserted > 0, "the new payments get facts");
        Assert.Equal(0L, await w.Warehouse.ScalarAsync<long>(LiveFactsDifferingFromSilver, ct));
        Assert.Equal(0L, await w.Warehouse.ScalarAsync<long>("""
            SELECT count(*) FROM gl__pagila.fact_rental AS f JOIN sl__pagila.rental AS r USING (rental_id)
            WHERE f.return_date IS DISTINCT FROM r.return_date
            """, ct));

        await AssertFullRecomputeChangesNothingAsync(w, ct);
    }

    [Fact]
    public async Task A_payment_moved_to_another_rental_recomputes_every_rental_fact_so_both_rentals_are_right()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var w = await GoldWarehouse.WithRealPagilaAsync(server, "gold_incremental_move", ct);
        await w.RunPipelineAsync(false, null, ct);
        var rentals = await w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct);
        var (from, to) = (
            await w.Source.ScalarAsync<int>("SELECT rental_id FROM payment ORDER BY payment_id DESC LIMIT 1", ct),
            await w.Source.ScalarAsync<int>("SELECT min(rental_id) FROM rental", ct));
        Assert.NotEqual(from, to);

        await w.Source.ExecuteAsync(
            "UPDATE payment SET rental_id = (SELECT min(rental_id) FROM rental) WHERE payment_id = (SELECT max(payment_id) FROM payment)", ct);
        var gold = await w.RunPipelineAsync(false, null, ct);

        Assert.Equal(rentals, gold.Single(r => r.Table == "fact_rental").RowsRead);
        Assert.Equal(2L, gold.Single(r => r.Table == "fact_rental").RowsUpdated);
        Assert.Equal(1L, gold.Single(r => r.Table == "fact_payment").RowsRead);
        Assert.Equal(0L, await w.Warehouse.ScalarAsync<long>(LiveFactsDifferingFromSilver, ct));
        await AssertFullRecomputeChangesNothingAsync(w, ct);
    }

    private static async Task AssertFullRecomputeChangesNothingAsync(GoldWarehouse w, CancellationToken ct)
    {
        await w.Warehouse.ExecuteAsync("UPDATE dataplatform.batch_table SET watermark_after = NULL WHERE layer = 'gold'", ct);
        var full = await w.RunGoldAsync(null, ct);
        foreach (var fact in new[] { "fact_rental", "fact_payment" })
        {
            TableResult result = full.Single(r => r.Table == fact);
            Assert.Equal(
                (fact, await w.Warehouse.ScalarAsync<long>($"SELECT count(*) FROM gl__pagila.{fact}", ct), 0L, 0L, 0L),
                (fact, result.RowsRead, result.RowsInserted, result.RowsUpdated, result.RowsDeleted));
        }
    }
}
