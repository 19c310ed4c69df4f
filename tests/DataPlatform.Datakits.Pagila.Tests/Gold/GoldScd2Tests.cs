using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>
/// The SCD2 acceptance scenario on the real Pagila dump: change the e-mail of 10 customers and the city of 1 customer's
/// address, delete 1 customer with its rentals and payments, add rentals after the change, rerun source → bronze → silver
/// → gold: 11 new versions, 1 version closed without successor, new rentals on the new versions; a second rerun changes nothing.
/// </summary>
public sealed class GoldScd2Tests(PostgresServer server) : IAsyncLifetime
{
    private const int DeletedCustomer = 599;
    private const int MovedCustomer = 20;
    private GoldWarehouse _w = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _w = await GoldWarehouse.WithRealPagilaAsync(server, "gold_scd2", ct);
        await _w.RunPipelineAsync(false, null, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_w is not null)
        {
            await _w.DisposeAsync();
        }
    }

    [Fact]
    public async Task Changes_open_new_versions_a_delete_closes_one_and_new_facts_use_the_new_versions()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = DateTime.UtcNow;
        var change = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var later = change.AddHours(1).ToString("yyyy-MM-dd HH:mm:ss+00");
        var at = $"'{change:yyyy-MM-dd HH:mm:ss}+00'::timestamptz";

        // The moved customer's address is theirs alone, so exactly one customer changes with it.
        Assert.Equal(1L, await _w.Source.ScalarAsync<long>(
            $"SELECT count(*) FROM public.customer WHERE address_id = (SELECT address_id FROM public.customer WHERE customer_id = {MovedCustomer})", ct));
        var deletedRentals = await _w.Source.ScalarAsync<long>($"SELECT count(*) FROM public.rental WHERE customer_id = {DeletedCustomer}", ct);
        var deletedPayments = await _w.Source.ScalarAsync<long>($"SELECT count(*) FROM public.payment WHERE customer_id = {DeletedCustomer}", ct);
        Assert.True(deletedRentals > 0 && deletedPayments > 0);

        await _w.Source.ExecuteAsync(
            $"""
            UPDATE public.customer SET email = 'changed.' || customer_id || '@example.org' WHERE customer_id BETWEEN 1 AND 10;
            UPDATE public.address a SET city_id = (SELECT min(c.city_id) FROM public.city c WHERE c.city_id <> a.city_id)
            WHERE a.address_id = (SELECT address_id FROM public.customer WHERE customer_id = {MovedCustomer});
            DELETE FROM public.payment WHERE customer_id = {DeletedCustomer};
            DELETE FROM public.rental WHERE customer_id = {DeletedCustomer};
            DELETE FROM public.customer WHERE customer_id = {DeletedCustomer};
            INSERT INTO public.rental (rental_date, inventory_id, customer_id, staff_id)
            VALUES ('{later}', 1, 1, 1), ('{later}', 2, 5, 1), ('{later}', 3, {MovedCustomer}, 1), ('{later}', 4, 300, 1);
            """, ct);
        var newCity = await _w.Source.ScalarAsync<string>(
            $"SELECT ci.city FROM public.customer c JOIN public.address a USING (address_id) JOIN public.city ci USING (city_id) WHERE c.customer_id = {MovedCustomer}", ct);

        var results = await _w.RunPipelineAsync(true, change, ct);

        // Versions opened = first + new; closed = new + closed without successor (the source delete).
        var scd2 = results.Single(r => r.Table == "dim_customer");
        Assert.Equal((11L, 12L, 1L), (scd2.RowsInserted, scd2.RowsUpdated, scd2.RowsDeleted));
        Assert.Equal(610L, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer", ct));
        Assert.Equal(598L, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
        Assert.Equal(11L, await _w.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current AND valid_from = {at}", ct));
        Assert.Equal(12L, await _w.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM gl__pagila.dim_customer WHERE NOT is_current AND valid_from = '1900-01-01 00:00:00+00' AND valid_to = {at}", ct));

        // The deleted customer: one closed version, no successor; its facts are gone.
        Assert.Equal("1 0", await _w.Warehouse.ScalarAsync<string>(
            $"SELECT count(*) || ' ' || count(*) FILTER (WHERE is_current) FROM gl__pagila.dim_customer WHERE customer_id = {DeletedCustomer}", ct));
        Assert.Equal(0L, await _w.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM gl__pagila.fact_rental f JOIN gl__pagila.dim_customer c USING (customer_key) WHERE c.customer_id = {DeletedCustomer}", ct));
        Assert.Equal(16044L - deletedRentals + 4, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(16049L - deletedPayments, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_payment", ct));
        Assert.Equal(
            await _w.Source.ScalarAsync<decimal>("SELECT sum(amount) FROM public.payment", ct),
            await _w.Warehouse.ScalarAsync<decimal>("SELECT sum(amount) FROM gl__pagila.fact_payment", ct));

        // The new attributes are on the current versions.
        Assert.Equal(10L, await _w.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current AND email = 'changed.' || customer_id || '@example.org'", ct));
        Assert.Equal(newCity, await _w.Warehouse.ScalarAsync<string>(
            $"SELECT city FROM gl__pagila.dim_customer WHERE is_current AND customer_id = {MovedCustomer}", ct));

        // Rentals made after the change point at the new versions (customer 300 did not change: still its first version);
        // the history of the changed customers stays on their first versions.
        Assert.Equal("1:true 5:true 20:true 300:false", await _w.Warehouse.ScalarAsync<string>(
            $"""
            SELECT string_agg(c.customer_id || ':' || (c.valid_from = {at})::text, ' ' ORDER BY c.customer_id)
            FROM gl__pagila.fact_rental f JOIN gl__pagila.dim_customer c USING (customer_key)
            WHERE f.rental_date > {at}
            """, ct));
        Assert.Equal(0L, await _w.Warehouse.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM gl__pagila.fact_rental f JOIN gl__pagila.dim_customer c USING (customer_key)
            WHERE f.rental_date < {at} AND c.valid_from <> '1900-01-01 00:00:00+00'
            """, ct));
        Assert.Equal(
            await _w.Warehouse.ScalarAsync<long>("SELECT max(full_date) - min(full_date) + 1 FROM gl__pagila.dim_date", ct),
            await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_date", ct));
        Assert.Equal(DateOnly.FromDateTime(change.AddHours(1)), await _w.Warehouse.ScalarAsync<DateOnly>("SELECT max(full_date) FROM gl__pagila.dim_date", ct));

        // A second rerun changes nothing.
        var before = await _w.FingerprintAsync(ct);
        var rerun = await _w.RunPipelineAsync(true, change.AddMinutes(5), ct);
        Assert.All(rerun, r => Assert.Equal((0L, 0L, 0L, 0L), (r.RowsInserted, r.RowsUpdated, r.RowsDeleted, r.RowsQuarantined)));
        Assert.Equal(before, await _w.FingerprintAsync(ct));
    }

    [Fact]
    public async Task A_plain_run_after_a_source_delete_closes_the_customer_and_removes_its_facts()
    {
        var ct = TestContext.Current.CancellationToken;
        var deletedRentals = await _w.Source.ScalarAsync<long>($"SELECT count(*) FROM public.rental WHERE customer_id = {DeletedCustomer}", ct);
        var deletedPayments = await _w.Source.ScalarAsync<long>($"SELECT count(*) FROM public.payment WHERE customer_id = {DeletedCustomer}", ct);
        Assert.True(deletedRentals > 0 && deletedPayments > 0);
        await _w.Source.ExecuteAsync(
            $"""
            DELETE FROM public.payment WHERE customer_id = {DeletedCustomer};
            DELETE FROM public.rental WHERE customer_id = {DeletedCustomer};
            DELETE FROM public.customer WHERE customer_id = {DeletedCustomer};
            """, ct);

        var results = await _w.RunPipelineAsync(false, null, ct);

        var scd2 = results.Single(r => r.Table == "dim_customer");
        Assert.Equal((0L, 1L, 1L), (scd2.RowsInserted, scd2.RowsUpdated, scd2.RowsDeleted));
        Assert.Equal("1 0", await _w.Warehouse.ScalarAsync<string>(
            $"SELECT count(*) || ' ' || count(*) FILTER (WHERE is_current) FROM gl__pagila.dim_customer WHERE customer_id = {DeletedCustomer}", ct));
        Assert.Equal(0L, await _w.Warehouse.ScalarAsync<long>(
            $"""
            SELECT (SELECT count(*) FROM gl__pagila.fact_rental f JOIN gl__pagila.dim_customer c USING (customer_key) WHERE c.customer_id = {DeletedCustomer})
                 + (SELECT count(*) FROM gl__pagila.fact_payment f JOIN gl__pagila.dim_customer c USING (customer_key) WHERE c.customer_id = {DeletedCustomer})
            """, ct));
        Assert.Equal(16044L - deletedRentals, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(16049L - deletedPayments, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_payment", ct));
        Assert.Equal(598L, await _w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
    }
}
