using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Source;

public sealed class PagilaSourceLoaderTests(PostgresServer server)
{
    [Fact]
    public async Task Generated_source_loads_through_the_bulk_loader_with_planted_rows_visible_in_sql()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("pagila_gen_dirty", ct);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 21, Scale = 0.1, DirtyRate = 0.02 });

        var result = await new PagilaSourceLoader(database.DataSource).LoadAsync(generator, ct);

        foreach (var table in PagilaTables.All)
        {
            Assert.Equal(generator.RowCounts[table], result.RowsLoaded[table]);
            Assert.Equal(generator.RowCounts[table], await database.ScalarAsync<long>($"SELECT count(*) FROM public.{table}", ct));
        }

        Assert.Same(generator.Report, result.Report);
        Assert.Equal(generator.Report.CountOf(DefectKind.OrphanReference), await CountOrphansAsync(database, ct));
        Assert.Equal(generator.Report.CountOf(DefectKind.BlankRequiredName), await database.ScalarAsync<long>(
            """
            SELECT (SELECT count(*) FROM actor WHERE btrim(first_name) = '') + (SELECT count(*) FROM category WHERE btrim(name) = '')
                 + (SELECT count(*) FROM city WHERE btrim(city) = '') + (SELECT count(*) FROM country WHERE btrim(country) = '')
                 + (SELECT count(*) FROM customer WHERE btrim(first_name) = '') + (SELECT count(*) FROM film WHERE btrim(title) = '')
                 + (SELECT count(*) FROM language WHERE btrim(name) = '') + (SELECT count(*) FROM staff WHERE btrim(first_name) = '')
            """,
            ct));
        Assert.Equal(generator.Report.CountOf(DefectKind.MalformedEmail), await database.ScalarAsync<long>(
            @"SELECT (SELECT count(*) FROM customer WHERE email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
                   + (SELECT count(*) FROM staff WHERE email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')",
            ct));
        Assert.Equal(generator.Report.CountOf(DefectKind.NegativePaymentAmount), await database.ScalarAsync<long>("SELECT count(*) FROM payment WHERE amount < 0", ct));
        Assert.Equal(generator.Report.CountOf(DefectKind.ReturnBeforeRental), await database.ScalarAsync<long>("SELECT count(*) FROM rental WHERE return_date < rental_date", ct));

        // The source behaves like Pagila: fulltext from the trigger, the enum and the year domain, ids continuing after the load.
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM film WHERE fulltext IS NULL OR fulltext = ''::tsvector", ct));
        Assert.True(await database.ScalarAsync<long>("SELECT count(DISTINCT rating) FROM film", ct) > 1);
        Assert.Equal("year", await database.ScalarAsync<string>("SELECT data_type || '' FROM (SELECT domain_name AS data_type FROM information_schema.columns WHERE table_name = 'film' AND column_name = 'release_year') c", ct));
        var next = await database.ScalarAsync<int>(
            "INSERT INTO actor (first_name, last_name) VALUES ('NEW', 'ACTOR') RETURNING actor_id", ct);
        Assert.Equal(generator.RowCounts[PagilaTables.Actor] + 1, next);
    }

    [Fact]
    public async Task Clean_generated_source_has_every_reference_resolved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("pagila_gen_clean", ct);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 4, Scale = 0.05 });

        await new PagilaSourceLoader(database.DataSource).LoadAsync(generator, ct);

        Assert.Equal(0L, await CountOrphansAsync(database, ct));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM rental WHERE return_date < rental_date", ct));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM payment WHERE amount < 0", ct));
    }

    private static Task<long> CountOrphansAsync(TestDatabase database, CancellationToken ct) => database.ScalarAsync<long>(
        """
        SELECT (SELECT count(*) FROM address x WHERE NOT EXISTS (SELECT 1 FROM city r WHERE r.city_id = x.city_id))
             + (SELECT count(*) FROM city x WHERE NOT EXISTS (SELECT 1 FROM country r WHERE r.country_id = x.country_id))
             + (SELECT count(*) FROM customer x WHERE NOT EXISTS (SELECT 1 FROM store r WHERE r.store_id = x.store_id))
             + (SELECT count(*) FROM customer x WHERE NOT EXISTS (SELECT 1 FROM address r WHERE r.address_id = x.address_id))
             + (SELECT count(*) FROM film x WHERE NOT EXISTS (SELECT 1 FROM language r WHERE r.language_id = x.language_id))
             + (SELECT count(*) FROM film x WHERE x.original_language_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM language r WHERE r.language_id = x.original_language_id))
             + (SELECT count(*) FROM film_actor x WHERE NOT EXISTS (SELECT 1 FROM actor r WHERE r.actor_id = x.actor_id))
             + (SELECT count(*) FROM film_actor x WHERE NOT EXISTS (SELECT 1 FROM film r WHERE r.film_id = x.film_id))
             + (SELECT count(*) FROM film_category x WHERE NOT EXISTS (SELECT 1 FROM film r WHERE r.film_id = x.film_id))
             + (SELECT count(*) FROM film_category x WHERE NOT EXISTS (SELECT 1 FROM category r WHERE r.category_id = x.category_id))
             + (SELECT count(*) FROM inventory x WHERE NOT EXISTS (SELECT 1 FROM film r WHERE r.film_id = x.film_id))
             + (SELECT count(*) FROM inventory x WHERE NOT EXISTS (SELECT 1 FROM store r WHERE r.store_id = x.store_id))
             + (SELECT count(*) FROM payment x WHERE NOT EXISTS (SELECT 1 FROM customer r WHERE r.customer_id = x.customer_id))
             + (SELECT count(*) FROM payment x WHERE NOT EXISTS (SELECT 1 FROM staff r WHERE r.staff_id = x.staff_id))
             + (SELECT count(*) FROM payment x WHERE NOT EXISTS (SELECT 1 FROM rental r WHERE r.rental_id = x.rental_id))
             + (SELECT count(*) FROM rental x WHERE NOT EXISTS (SELECT 1 FROM inventory r WHERE r.inventory_id = x.inventory_id))
             + (SELECT count(*) FROM rental x WHERE NOT EXISTS (SELECT 1 FROM customer r WHERE r.customer_id = x.customer_id))
             + (SELECT count(*) FROM rental x WHERE NOT EXISTS (SELECT 1 FROM staff r WHERE r.staff_id = x.staff_id))
             + (SELECT count(*) FROM staff x WHERE NOT EXISTS (SELECT 1 FROM address r WHERE r.address_id = x.address_id))
             + (SELECT count(*) FROM staff x WHERE NOT EXISTS (SELECT 1 FROM store r WHERE r.store_id = x.store_id))
             + (SELECT count(*) FROM store x WHERE NOT EXISTS (SELECT 1 FROM staff r WHERE r.staff_id = x.manager_staff_id))
             + (SELECT count(*) FROM store x WHERE NOT EXISTS (SELECT 1 FROM address r WHERE r.address_id = x.address_id))
        """,
        ct);
}
