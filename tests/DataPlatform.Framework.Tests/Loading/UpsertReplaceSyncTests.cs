using DataPlatform.Framework.Loading;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Loading;

public sealed class UpsertReplaceSyncTests(PostgresServer server) : IAsyncLifetime
{
    private LoadingDatabase _db = null!;

    public async ValueTask InitializeAsync() =>
        _db = await LoadingDatabase.CreateAsync(server, "load_upsert", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Upsert_inserts_new_keys_updates_changed_rows_and_leaves_equal_rows_untouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.Loader.LoadAsync(TestRows.Films(4), new BulkLoadOptions(), ct);
        var xminBefore = await Xmins();
        var updatedBefore = await UpdatedAts();

        var input = TestRows.Films(4);
        input[1].Title = "Changed";        // film 2 changes
        input[2].SpecialFeatures = null;   // film 3 stays equal (NULL == NULL)
        input.Add(TestRows.Film(5));       // film 5 is new
        input.RemoveAt(3);                 // film 4 is not in the input: upsert leaves it alone
        var result = await _db.Loader.LoadAsync(input, new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, ct);

        Assert.Equal(4, result.RowsRead);
        Assert.Equal(1, result.RowsInserted);
        Assert.Equal(1, result.RowsUpdated);
        var xminAfter = await Xmins();
        Assert.Equal(xminBefore[1], xminAfter[1]);
        Assert.NotEqual(xminBefore[2], xminAfter[2]);
        Assert.Equal(xminBefore[3], xminAfter[3]);
        Assert.Equal(xminBefore[4], xminAfter[4]);
        var updatedAfter = await UpdatedAts();
        Assert.True(updatedAfter[2] > updatedBefore[2], "updated_at of the changed row moves on");
        Assert.Equal(updatedBefore[1], updatedAfter[1]);
        Assert.Equal(updatedBefore[3], updatedAfter[3]);
        Assert.Equal(updatedBefore[4], updatedAfter[4]);
        Assert.Equal("Changed", await _db.ScalarAsync<string>("SELECT title FROM sl__load.film WHERE film_id = 2"));
        Assert.Equal(5L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));

        // Loading the same input again changes nothing at all.
        var again = await _db.Loader.LoadAsync(input, new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, ct);
        Assert.Equal(0, again.RowsInserted + again.RowsUpdated);
        Assert.Equal(xminAfter, await Xmins());
    }

    [Fact]
    public async Task Upsert_counts_inserts_and_updates_also_when_the_server_tracks_no_table_statistics()
    {
        // The loader reads inserted/updated from the transaction's table counters; with track_counts off it falls back to
        // counting RETURNING rows. Both paths must give the same counts, also inside a caller's transaction.
        var ct = TestContext.Current.CancellationToken;
        await _db.Loader.LoadAsync(TestRows.Films(4), new BulkLoadOptions(), ct);
        foreach (var trackCounts in new[] { "on", "off" })
        {
            await using var connection = await _db.Database.OpenConnectionAsync(ct);
            await using (var set = connection.CreateCommand())
            {
                set.CommandText = $"SET track_counts = {trackCounts}";
                await set.ExecuteNonQueryAsync(ct);
            }

            await using var transaction = await connection.BeginTransactionAsync(ct);
            var input = TestRows.Films(4);
            input[0].Title = "Changed " + trackCounts;     // one update
            input.Add(TestRows.Film(trackCounts == "on" ? 10 : 11)); // one insert
            var result = await _db.Loader.LoadAsync(
                input, new BulkLoadOptions { Mode = BulkLoadMode.Upsert, Connection = connection, Transaction = transaction }, ct);
            await transaction.CommitAsync(ct);

            Assert.Equal((1L, 1L), (result.RowsInserted, result.RowsUpdated));
        }
    }

    [Fact]
    public async Task Upsert_with_duplicate_keys_in_the_input_keeps_the_last_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.Loader.LoadAsync(TestRows.Films(2), new BulkLoadOptions(), ct);
        var input = new[] { TestRows.Film(1, "first"), TestRows.Film(3, "new"), TestRows.Film(1, "last"), TestRows.Film(3, "new last") };

        var result = await _db.Loader.LoadAsync(input, new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, ct);

        Assert.Equal(4, result.RowsRead);
        Assert.Equal(1, result.RowsInserted);
        Assert.Equal(1, result.RowsUpdated);
        Assert.Equal("last", await _db.ScalarAsync<string>("SELECT title FROM sl__load.film WHERE film_id = 1"));
        Assert.Equal("new last", await _db.ScalarAsync<string>("SELECT title FROM sl__load.film WHERE film_id = 3"));
    }

    [Fact]
    public async Task Upsert_by_natural_key_keeps_the_surrogate_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new BulkLoadOptions { Mode = BulkLoadMode.Upsert, KeyProperties = [nameof(Member.Code)] };
        await _db.Loader.LoadAsync(new[] { new Member { Code = "a", Name = "Ann" }, new Member { Code = "b", Name = "Bob" } }, options, ct);
        var keyOfA = await _db.ScalarAsync<long>("SELECT member_key FROM sl__load.member WHERE code = 'a'");

        var result = await _db.Loader.LoadAsync(new[] { new Member { Code = "a", Name = "Anna" }, new Member { Code = "c", Name = "Cy" } }, options, ct);

        Assert.Equal((1L, 1L), (result.RowsInserted, result.RowsUpdated));
        Assert.Equal(keyOfA, await _db.ScalarAsync<long>("SELECT member_key FROM sl__load.member WHERE code = 'a' AND name = 'Anna'"));
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.member"));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _db.Loader.LoadAsync(new[] { new Member { Code = "z" } }, new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, ct));
    }

    [Fact]
    public async Task Sync_soft_deletes_missing_keys_and_reactivates_keys_that_come_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var sync = new BulkLoadOptions { Mode = BulkLoadMode.Sync };
        var first = await _db.Loader.LoadAsync(Categories(1, 2, 3), sync, ct);
        Assert.Equal((3L, 0L, 0L), (first.RowsInserted, first.RowsUpdated, first.RowsDeactivated));

        var second = await _db.Loader.LoadAsync(Categories(1, 3), sync, ct);
        Assert.Equal((0L, 0L, 1L), (second.RowsInserted, second.RowsUpdated, second.RowsDeactivated));
        Assert.Equal("2", await _db.ScalarAsync<string>("SELECT string_agg(category_id::text, ',') FROM sl__load.category WHERE inactivated_date IS NOT NULL"));

        var third = await _db.Loader.LoadAsync(Categories(1, 2), sync, ct);
        Assert.Equal((0L, 1L, 1L), (third.RowsInserted, third.RowsUpdated, third.RowsDeactivated));
        Assert.Equal("3", await _db.ScalarAsync<string>("SELECT string_agg(category_id::text, ',') FROM sl__load.category WHERE inactivated_date IS NOT NULL"));
        Assert.Equal(3L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.category"));

        await Assert.ThrowsAsync<ArgumentException>(() => _db.Loader.LoadAsync(TestRows.Films(1), sync, ct));
    }

    [Fact]
    public async Task Replace_is_atomic_for_a_concurrent_reader()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.Loader.LoadAsync(TestRows.Films(500), new BulkLoadOptions(), ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var counts = new List<long>();
        var reader = Task.Run(async () =>
        {
            await using var connection = await _db.Database.OpenConnectionAsync(stop.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sl__load.film";
            while (!stop.IsCancellationRequested)
            {
                counts.Add((long)(await command.ExecuteScalarAsync(CancellationToken.None))!);
            }
        }, CancellationToken.None);

        BulkLoadResult? last = null;
        for (var round = 0; round < 6; round++)
        {
            var size = round % 2 == 0 ? 800 : 500;
            last = await _db.Loader.LoadAsync(TestRows.Films(size, firstId: 1000 * round), new BulkLoadOptions { Mode = BulkLoadMode.Replace }, ct);
        }

        await stop.CancelAsync();
        await reader;

        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.True(c is 500 or 800, $"a reader saw {c} rows"));
        Assert.Equal((800L, 500L), (last!.RowsDeleted, last.RowsInserted));
        Assert.Equal(500L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film WHERE film_id >= 5000"));
    }

    private async Task<Dictionary<int, DateTime>> UpdatedAts()
    {
        var ct = TestContext.Current.CancellationToken;
        var result = new Dictionary<int, DateTime>();
        await using var connection = await _db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT film_id, updated_at FROM sl__load.film";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetInt32(0)] = reader.GetDateTime(1);
        }

        return result;
    }

    private async Task<Dictionary<int, uint>> Xmins()
    {
        var ct = TestContext.Current.CancellationToken;
        var result = new Dictionary<int, uint>();
        await using var connection = await _db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT film_id, xmin::text::bigint FROM sl__load.film";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetInt32(0)] = (uint)reader.GetInt64(1);
        }

        return result;
    }

    private static List<Category> Categories(params int[] ids) =>
        ids.Select(i => new Category { CategoryId = i, Name = $"Category {i}" }).ToList();
}
