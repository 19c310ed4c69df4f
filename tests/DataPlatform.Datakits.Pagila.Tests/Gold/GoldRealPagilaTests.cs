using DataPlatform.Framework.Pipelines;
using DataPlatform.Datakits.Pagila.Gold;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>Source → bronze → silver → gold against the real Pagila dump (one shared warehouse, built once by the fixture).</summary>
public sealed class GoldRealPagilaTests(GoldRealPagilaFixture fixture) : IClassFixture<GoldRealPagilaFixture>
{
    private GoldWarehouse W => fixture.Warehouse;

    [Fact]
    public async Task Gold_has_the_pagila_counts_and_nothing_quarantined()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(599L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer WHERE is_current", ct));
        Assert.Equal(599L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_customer", ct));
        Assert.Equal(1000L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_film", ct));
        Assert.Equal(500L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_store", ct));
        Assert.Equal(1500L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_staff", ct));
        Assert.Equal(16044L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(16049L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_payment", ct));
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.quarantine", ct));

        Assert.Equal(PagilaGold.Layer.Tables, fixture.FirstRun.Select(r => r.Table));
        Assert.All(fixture.FirstRun, r => Assert.Equal(r.RowsRead, r.RowsWritten + r.RowsQuarantined));
        Assert.All(fixture.FirstRun, r => Assert.Equal(0, r.RowsQuarantined));
        var customer = fixture.FirstRun.Single(r => r.Table == "dim_customer");
        Assert.Equal((599L, 0L, 0L), (customer.RowsInserted, customer.RowsUpdated, customer.RowsDeleted));
        Assert.Equal(7L, await W.Warehouse.ScalarAsync<long>(
            """
            SELECT count(*) FROM dataplatform.batch_table
            WHERE layer = 'gold' AND rows_read = rows_written AND rows_quarantined = 0
              AND batch_id = (SELECT min(batch_id) FROM dataplatform.batch_table WHERE layer = 'gold')
            """, ct));
    }

    [Fact]
    public async Task Payment_amounts_add_up_to_the_source()
    {
        var ct = TestContext.Current.CancellationToken;
        var source = await W.Source.ScalarAsync<decimal>("SELECT sum(amount) FROM public.payment", ct);
        Assert.Equal(source, await W.Warehouse.ScalarAsync<decimal>("SELECT sum(amount) FROM gl__pagila.fact_payment", ct));
        Assert.Equal(source, await W.Warehouse.ScalarAsync<decimal>("SELECT sum(amount_paid) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(16049L, await W.Warehouse.ScalarAsync<long>("SELECT sum(payment_count) FROM gl__pagila.fact_rental", ct));
        var unpaid = await W.Source.ScalarAsync<long>("SELECT count(*) FROM public.rental r WHERE NOT EXISTS (SELECT 1 FROM public.payment p WHERE p.rental_id = r.rental_id)", ct);
        Assert.Equal(unpaid, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental WHERE payment_count = 0 AND amount_paid = 0", ct));
    }

    [Theory]
    [InlineData("fact_rental", "rental_date_key", "dim_date", "date_key")]
    [InlineData("fact_rental", "customer_key", "dim_customer", "customer_key")]
    [InlineData("fact_rental", "film_key", "dim_film", "film_key")]
    [InlineData("fact_rental", "store_key", "dim_store", "store_key")]
    [InlineData("fact_rental", "staff_key", "dim_staff", "staff_key")]
    [InlineData("fact_payment", "payment_date_key", "dim_date", "date_key")]
    [InlineData("fact_payment", "customer_key", "dim_customer", "customer_key")]
    [InlineData("fact_payment", "store_key", "dim_store", "store_key")]
    [InlineData("fact_payment", "staff_key", "dim_staff", "staff_key")]
    public async Task Every_fact_key_joins_its_dimension(string fact, string key, string dimension, string dimensionKey)
    {
        var ct = TestContext.Current.CancellationToken;
        var unmatched = await W.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM gl__pagila.{fact} f LEFT JOIN gl__pagila.{dimension} d ON d.{dimensionKey} = f.{key} WHERE d.{dimensionKey} IS NULL", ct);
        Assert.Equal(0L, unmatched);
    }

    [Fact]
    public async Task Fact_keys_point_at_the_right_members()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>(
            """
            SELECT count(*) FROM gl__pagila.fact_rental f
            JOIN sl__pagila.rental r ON r.rental_id = f.rental_id
            JOIN sl__pagila.inventory i ON i.inventory_id = r.inventory_id
            JOIN gl__pagila.dim_customer c ON c.customer_key = f.customer_key
            JOIN gl__pagila.dim_film fi ON fi.film_key = f.film_key
            JOIN gl__pagila.dim_store s ON s.store_key = f.store_key
            JOIN gl__pagila.dim_staff st ON st.staff_key = f.staff_key
            WHERE c.customer_id <> r.customer_id OR fi.film_id <> i.film_id OR s.store_id <> i.store_id OR st.staff_id <> r.staff_id
               OR f.inventory_id <> r.inventory_id OR f.return_date_key IS DISTINCT FROM to_char(f.return_date AT TIME ZONE 'UTC', 'YYYYMMDD')::int
               OR f.rental_date_key <> to_char(f.rental_date AT TIME ZONE 'UTC', 'YYYYMMDD')::int
            """, ct));
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>(
            """
            SELECT count(*) FROM gl__pagila.fact_payment f
            JOIN sl__pagila.payment p ON p.payment_id = f.payment_id
            JOIN sl__pagila.rental r ON r.rental_id = p.rental_id
            JOIN sl__pagila.inventory i ON i.inventory_id = r.inventory_id
            JOIN gl__pagila.dim_customer c ON c.customer_key = f.customer_key
            JOIN gl__pagila.dim_store s ON s.store_key = f.store_key
            JOIN gl__pagila.dim_staff st ON st.staff_key = f.staff_key
            WHERE c.customer_id <> p.customer_id OR s.store_id <> i.store_id OR st.staff_id <> p.staff_id OR f.rental_id <> p.rental_id
               OR f.amount <> p.amount OR f.payment_date_key <> to_char(f.payment_date AT TIME ZONE 'UTC', 'YYYYMMDD')::int
            """, ct));
    }

    [Fact]
    public async Task Rental_measures_follow_the_contract()
    {
        var ct = TestContext.Current.CancellationToken;
        var unreturned = await W.Source.ScalarAsync<long>("SELECT count(*) FROM public.rental WHERE return_date IS NULL", ct);
        Assert.True(unreturned > 0);
        Assert.Equal(unreturned, await W.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM gl__pagila.fact_rental WHERE NOT is_returned AND rental_days IS NULL AND return_date IS NULL AND return_date_key IS NULL AND NOT is_overdue", ct));
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM gl__pagila.fact_rental WHERE is_returned AND rental_days <> round(CAST(extract(epoch FROM return_date - rental_date) / 86400 AS numeric), 2)", ct));
        var overdue = await W.Source.ScalarAsync<long>(
            """
            SELECT count(*) FROM public.rental r JOIN public.inventory i USING (inventory_id) JOIN public.film f USING (film_id)
            WHERE r.return_date > r.rental_date + make_interval(days => f.rental_duration)
            """, ct);
        Assert.True(overdue > 0);
        Assert.Equal(overdue, await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental WHERE is_overdue", ct));
    }

    [Fact]
    public async Task Dim_date_covers_exactly_the_range_of_rental_return_and_payment_dates()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Range =
            """
            SELECT min(d)::text || '..' || max(d)::text FROM (
                SELECT (rental_date AT TIME ZONE 'UTC')::date AS d FROM {0}rental
                UNION ALL SELECT (return_date AT TIME ZONE 'UTC')::date FROM {0}rental
                UNION ALL SELECT (payment_date AT TIME ZONE 'UTC')::date FROM {0}payment) AS x
            """;
        var source = await W.Source.ScalarAsync<string>(string.Format(Range, "public."), ct);
        Assert.Equal(source, await W.Warehouse.ScalarAsync<string>("SELECT min(full_date)::text || '..' || max(full_date)::text FROM gl__pagila.dim_date", ct));
        Assert.Equal(
            await W.Warehouse.ScalarAsync<long>("SELECT max(full_date) - min(full_date) + 1 FROM gl__pagila.dim_date", ct),
            await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_date", ct));
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>(
            """
            SELECT count(*) FROM gl__pagila.dim_date
            WHERE date_key <> to_char(full_date, 'YYYYMMDD')::int OR year <> extract(year FROM full_date) OR quarter <> extract(quarter FROM full_date)
               OR month <> extract(month FROM full_date) OR month_name <> rtrim(to_char(full_date, 'Month'))
               OR day_of_month <> extract(day FROM full_date) OR day_of_week <> extract(isodow FROM full_date)
               OR day_name <> rtrim(to_char(full_date, 'Day')) OR is_weekend <> (extract(isodow FROM full_date) IN (6, 7))
            """, ct));
        Assert.Equal("Tuesday 2 false", await W.Warehouse.ScalarAsync<string>(
            "SELECT day_name || ' ' || day_of_week || ' ' || is_weekend FROM gl__pagila.dim_date WHERE date_key = 20220524", ct));
    }

    [Fact]
    public async Task Dimensions_carry_the_contract_attributes()
    {
        var ct = TestContext.Current.CancellationToken;
        const string Categories =
            """
            SELECT md5(string_agg(f.film_id || ':' || coalesce((
                SELECT array_agg(c.name::text ORDER BY c.name::text COLLATE "C") FROM {0}film_category fc JOIN {0}category c ON c.category_id = fc.category_id
                WHERE fc.film_id = f.film_id)::text, '{{}}') || ':' || (SELECT count(*) FROM {0}film_actor fa WHERE fa.film_id = f.film_id)
                || ':' || l.name, ';' ORDER BY f.film_id))
            FROM {0}film f JOIN {0}language l ON l.language_id = f.language_id
            """;
        var source = await W.Source.ScalarAsync<string>(string.Format(Categories, "public."), ct);
        Assert.Equal(source, await W.Warehouse.ScalarAsync<string>(
            "SELECT md5(string_agg(film_id || ':' || categories::text || ':' || actor_count || ':' || language, ';' ORDER BY film_id)) FROM gl__pagila.dim_film", ct));

        const string Customers =
            """
            SELECT md5(string_agg(c.customer_id || '|' || c.first_name || ' ' || c.last_name || '|' || a.address || '|' || ci.city || '|' || co.country
                || '|' || a.phone, ';' ORDER BY c.customer_id))
            FROM {0}customer c JOIN {0}address a USING (address_id) JOIN {0}city ci USING (city_id) JOIN {0}country co USING (country_id)
            """;
        Assert.Equal(
            await W.Source.ScalarAsync<string>(string.Format(Customers, "public."), ct),
            await W.Warehouse.ScalarAsync<string>(
                "SELECT md5(string_agg(customer_id || '|' || full_name || '|' || address || '|' || city || '|' || country || '|' || phone, ';' ORDER BY customer_id)) FROM gl__pagila.dim_customer", ct));
        Assert.Equal(599L, await W.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM gl__pagila.dim_customer WHERE valid_from = '1900-01-01 00:00:00+00' AND valid_to IS NULL AND is_current", ct));

        Assert.Equal(
            await W.Source.ScalarAsync<long>("SELECT count(DISTINCT manager_staff_id) FROM public.store", ct),
            await W.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_staff WHERE is_store_manager", ct));
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'gl__pagila' AND column_name LIKE '%password%'", ct));
        Assert.Equal(0L, await W.Warehouse.ScalarAsync<long>(
            """
            SELECT count(*) FROM gl__pagila.dim_store s LEFT JOIN gl__pagila.dim_staff m ON m.staff_id = s.manager_staff_id
            WHERE s.manager_full_name IS DISTINCT FROM m.full_name OR s.city = '' OR s.country = ''
            """, ct));
    }

    [Fact]
    public async Task A_rerun_with_unchanged_silver_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await W.FingerprintAsync(ct);

        var rerun = await W.RunPipelineAsync(false, null, ct);

        Assert.All(rerun, r => Assert.Equal((0L, 0L, 0L, 0L), (r.RowsInserted, r.RowsUpdated, r.RowsDeleted, r.RowsQuarantined)));
        Assert.Equal(before, await W.FingerprintAsync(ct));
    }
}
