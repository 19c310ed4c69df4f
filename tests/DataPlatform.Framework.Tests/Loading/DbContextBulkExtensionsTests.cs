using DataPlatform.Framework.Loading;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Loading;

/// <summary>
/// The EFCore.BulkExtensions verbs on a DbContext against a real server. Each write verb runs the same scenario as the
/// loader's mode from the same starting table: the results (counts) and the tables afterwards are the same.
/// </summary>
public sealed class DbContextBulkExtensionsTests(PostgresServer server) : IAsyncLifetime
{
    // The table without the columns the database stamps with the time of the write.
    private const string Films = "SELECT string_agg((to_jsonb(f) - 'created_at' - 'updated_at' - 'systime')::text, E'\\n' ORDER BY film_id) FROM sl__load.film f";
    private const string Categories = "SELECT string_agg(category_id || ':' || name || ':' || (inactivated_date IS NULL), ',' ORDER BY category_id) FROM sl__load.category";

    private LoadingDatabase _db = null!;

    public async ValueTask InitializeAsync() =>
        _db = await LoadingDatabase.CreateAsync(server, "load_bulk_verbs", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task BulkInsertAsync_appends_like_the_loaders_append_and_joins_the_contexts_transaction()
    {
        var ct = TestContext.Current.CancellationToken;
        var (byLoader, byVerb) = await BothWaysAsync(
            Films,
            () => _db.ExecuteAsync("DELETE FROM sl__load.film"),
            () => _db.Loader.LoadAsync(TestRows.Films(3), new BulkLoadOptions { Mode = BulkLoadMode.Append }, ct),
            context => context.BulkInsertAsync(TestRows.Films(3), cancellationToken: ct));

        Assert.Equal((BulkLoadMode.Append, 3L, 3L), (byVerb.Result.Mode, byVerb.Result.RowsRead, byVerb.Result.RowsInserted));
        Assert.Equal(Counts(byLoader.Result), Counts(byVerb.Result));
        Assert.Equal(byLoader.Table, byVerb.Table);

        await using (var context = LoadTestContext.Create(_db.Database.ConnectionString))
        {
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            await context.BulkInsertAsync(TestRows.Films(2, firstId: 10), cancellationToken: ct);
            Assert.Equal(5L, await context.Set<Film>().LongCountAsync(ct)); // visible inside the transaction
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
        await using var again = LoadTestContext.Create(_db.Database.ConnectionString);
        await Assert.ThrowsAsync<BulkLoadException>(() => again.BulkInsertAsync(TestRows.Films(1), cancellationToken: ct)); // film 1 exists: append refuses it
    }

    [Fact]
    public async Task BulkInsertOrUpdateAsync_upserts_like_the_loader_by_the_primary_key_or_the_update_by_properties()
    {
        var ct = TestContext.Current.CancellationToken;
        static List<Film> Input()
        {
            var input = TestRows.Films(3);
            input[1].Title = "Changed";
            input.Add(TestRows.Film(5));
            return input;
        }

        var (byLoader, byVerb) = await BothWaysAsync(
            Films,
            async () =>
            {
                await _db.ExecuteAsync("DELETE FROM sl__load.film");
                await _db.Loader.LoadAsync(TestRows.Films(4), new BulkLoadOptions(), ct);
            },
            () => _db.Loader.LoadAsync(Input(), new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, ct),
            context => context.BulkInsertOrUpdateAsync(Input(), cancellationToken: ct));

        Assert.Equal((4L, 1L, 1L), (byVerb.Result.RowsRead, byVerb.Result.RowsInserted, byVerb.Result.RowsUpdated)); // films 1 and 3 are equal, 4 stays
        Assert.Contains("\"title\": \"Changed\"", byVerb.Table, StringComparison.Ordinal);
        Assert.Equal(5, byVerb.Table.Split('\n').Length);
        Assert.Equal(Counts(byLoader.Result), Counts(byVerb.Result));
        Assert.Equal(byLoader.Table, byVerb.Table);

        await using var context = LoadTestContext.Create(_db.Database.ConnectionString);
        var byCode = new BulkConfig { UpdateByProperties = [nameof(Member.Code)] };
        await context.BulkInsertOrUpdateAsync(new[] { new Member { Code = "a", Name = "Ann" }, new Member { Code = "b", Name = "Bob" } }, byCode, ct);
        var keyOfA = await _db.ScalarAsync<long>("SELECT member_key FROM sl__load.member WHERE code = 'a'");
        var result = await context.BulkInsertOrUpdateAsync(new[] { new Member { Code = "a", Name = "Anna" }, new Member { Code = "c", Name = "Cy" } }, byCode, ct);
        Assert.Equal((1L, 1L), (result.RowsInserted, result.RowsUpdated));
        Assert.Equal(keyOfA, await _db.ScalarAsync<long>("SELECT member_key FROM sl__load.member WHERE code = 'a' AND name = 'Anna'"));
        await Assert.ThrowsAsync<ArgumentException>(() => context.BulkInsertOrUpdateAsync(new[] { new Member { Code = "z" } }, cancellationToken: ct)); // the identity key is not written
    }

    [Fact]
    public async Task BulkInsertOrUpdateOrDeleteAsync_syncs_like_the_loader_soft_deleting_missing_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        var (byLoader, byVerb) = await BothWaysAsync(
            Categories,
            () => _db.ExecuteAsync("DELETE FROM sl__load.category; INSERT INTO sl__load.category (category_id, name) VALUES (1, 'Category 1'), (2, 'Category 2'), (3, 'Category 3')"),
            () => _db.Loader.LoadAsync(Category(1, 3, 4), new BulkLoadOptions { Mode = BulkLoadMode.Sync }, ct),
            context => context.BulkInsertOrUpdateOrDeleteAsync(Category(1, 3, 4), cancellationToken: ct));

        Assert.Equal((1L, 0L, 1L), (byVerb.Result.RowsInserted, byVerb.Result.RowsUpdated, byVerb.Result.RowsDeactivated));
        Assert.Equal("1:Category 1:true,2:Category 2:false,3:Category 3:true,4:Category 4:true", byVerb.Table);
        Assert.Equal(Counts(byLoader.Result), Counts(byVerb.Result));
        Assert.Equal(byLoader.Table, byVerb.Table);

        await using var context = LoadTestContext.Create(_db.Database.ConnectionString);
        await Assert.ThrowsAsync<ArgumentException>(() => context.BulkInsertOrUpdateOrDeleteAsync(TestRows.Films(1), cancellationToken: ct)); // not reference data
    }

    [Fact]
    public async Task Properties_left_out_keep_their_value_on_update_and_get_their_default_on_insert()
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = TestRows.Films(2);
        stored.ForEach(f => f.Description = "old");
        await _db.Loader.LoadAsync(stored, new BulkLoadOptions(), ct);
        await using var context = LoadTestContext.Create(_db.Database.ConnectionString);
        List<Film> Changed(params int[] ids) => [.. ids.Select(id => TestRows.Film(id, "New " + id)).Select(f => { f.Description = "new"; return f; })];
        string[] notNull = [nameof(Film.Title), nameof(Film.Views), nameof(Film.RentalRate), nameof(Film.IsActive), nameof(Film.LastUpdate), nameof(Film.ExternalId)];

        var included = await context.BulkInsertOrUpdateAsync(Changed(1, 3), new BulkConfig { PropertiesToInclude = notNull }, ct);
        var excluded = await context.BulkInsertOrUpdateAsync(Changed(2, 4), new BulkConfig { PropertiesToExclude = [nameof(Film.Description)] }, ct);

        Assert.Equal((1L, 1L), (included.RowsInserted, included.RowsUpdated));
        Assert.Equal((1L, 1L), (excluded.RowsInserted, excluded.RowsUpdated));
        Assert.Equal(
            "1:New 1:old,2:New 2:old,3:New 3:-,4:New 4:-",
            await _db.ScalarAsync<string>("SELECT string_agg(film_id || ':' || title || ':' || coalesce(description, '-'), ',' ORDER BY film_id) FROM sl__load.film"));
        await Assert.ThrowsAsync<ArgumentException>(() => context.BulkInsertOrUpdateAsync(Changed(1), new BulkConfig { PropertiesToInclude = ["NoSuchProperty"] }, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => context.BulkInsertOrUpdateAsync(Changed(1), new BulkConfig { PropertiesToExclude = ["NoSuchProperty"] }, ct));
    }

    [Fact]
    public async Task BulkReadAsync_fills_the_entities_found_by_key_in_batches()
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = TestRows.Films(5);
        stored[3].SpecialFeatures = ["Trailers"];
        stored[3].Rating = MpaaRating.Pg13;
        await _db.Loader.LoadAsync(stored, new BulkLoadOptions(), ct);
        await using var context = LoadTestContext.Create(_db.Database.ConnectionString);
        var wanted = new List<Film> { new() { FilmId = 4 }, new() { FilmId = 99, Title = "untouched" }, new() { FilmId = 2 }, new() { FilmId = 4 } };

        var found = await context.BulkReadAsync(wanted, new BulkConfig { BatchSize = 2 }, ct);

        Assert.Equal(3, found);
        Assert.Equal(("Film 4", 4000L, 2.99m, MpaaRating.Pg13), (wanted[0].Title, wanted[0].Views, wanted[0].RentalRate, wanted[0].Rating));
        Assert.Equal(["Trailers"], wanted[0].SpecialFeatures!);
        Assert.Equal(stored[3].LastUpdate, wanted[0].LastUpdate);
        Assert.Equal("Film 4", wanted[3].Title);
        Assert.Equal(("untouched", 0L), (wanted[1].Title, wanted[1].Views));
        Assert.Equal(("Film 2", stored[1].ExternalId), (wanted[2].Title, wanted[2].ExternalId));
        Assert.Empty(context.ChangeTracker.Entries());

        var titlesOnly = new List<Film> { new() { FilmId = 1 } };
        Assert.Equal(1, await context.BulkReadAsync(titlesOnly, new BulkConfig { PropertiesToInclude = [nameof(Film.Title)] }, ct));
        Assert.Equal(("Film 1", 0L), (titlesOnly[0].Title, titlesOnly[0].Views));

        await context.BulkInsertOrUpdateAsync(new[] { new Member { Code = "m1", Name = "One" } }, new BulkConfig { UpdateByProperties = [nameof(Member.Code)] }, ct);
        var member = new Member { Code = "m1" };
        Assert.Equal(1, await context.BulkReadAsync(new[] { member }, new BulkConfig { UpdateByProperties = [nameof(Member.Code)] }, ct));
        Assert.Equal(await _db.ScalarAsync<long>("SELECT member_key FROM sl__load.member WHERE code = 'm1'"), member.MemberKey);
        Assert.Equal("One", member.Name);
    }

    private static (long, long, long, long, long, BulkLoadMode, string) Counts(BulkLoadResult result) =>
        (result.RowsRead, result.RowsInserted, result.RowsUpdated, result.RowsDeactivated, result.RowsDeleted, result.Mode, result.Table);

    private static List<Category> Category(params int[] ids) => [.. ids.Select(i => new Category { CategoryId = i, Name = $"Category {i}" })];

    /// <summary>Runs a scenario through the loader, then from the same starting table through the verb; returns both results and tables.</summary>
    private async Task<((BulkLoadResult Result, string Table) Loader, (BulkLoadResult Result, string Table) Verb)> BothWaysAsync(
        string snapshot, Func<Task> reset, Func<Task<BulkLoadResult>> loader, Func<LoadTestContext, Task<BulkLoadResult>> verb)
    {
        await reset();
        var byLoader = await loader();
        var loaderTable = await _db.ScalarAsync<string>(snapshot);
        await reset();
        await using var context = LoadTestContext.Create(_db.Database.ConnectionString);
        var byVerb = await verb(context);
        return ((byLoader, loaderTable), (byVerb, await _db.ScalarAsync<string>(snapshot)));
    }
}
