using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Mixins;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Loading;

public sealed class AppendTests(PostgresServer server) : IAsyncLifetime
{
    private LoadingDatabase _db = null!;

    public async ValueTask InitializeAsync() =>
        _db = await LoadingDatabase.CreateAsync(server, "load_append", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Append_round_trips_every_pagila_type_and_nulls()
    {
        var ct = TestContext.Current.CancellationToken;
        var full = new Film
        {
            FilmId = 1,
            Title = "ACADEMY DINOSAUR",
            Description = "An epic drama",
            ReleaseYear = 2006,
            Views = 9_000_000_000L,
            RentalRate = 99.99m,
            ReplacementCost = -123.45m,
            IsActive = true,
            ReleaseDate = new DateOnly(2006, 2, 15),
            LastUpdate = new DateTime(2022, 2, 15, 9, 57, 20, 123, DateTimeKind.Utc).AddTicks(4560),
            ReturnedAt = new DateTime(2005, 5, 26, 22, 4, 30, DateTimeKind.Utc),
            Poster = [0, 1, 2, 254, 255],
            SpecialFeatures = ["Deleted Scenes", "Behind the Scenes", ""],
            Rating = MpaaRating.Pg13,
            ExternalId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        };
        var empty = new Film { FilmId = 2, Title = "", RentalRate = 0m, LastUpdate = TestRows.Epoch };

        var result = await _db.Loader.LoadAsync(new[] { full, empty }, new BulkLoadOptions { BatchId = 7 }, ct);

        Assert.Equal("sl__load.film", result.Table);
        Assert.Equal(2, result.RowsRead);
        Assert.Equal(2, result.RowsInserted);
        await using var connection = await _db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT title, description, release_year, views, rental_rate, replacement_cost, is_active, release_date,
                   last_update, returned_at, poster, special_features, rating::text, external_id,
                   created_at IS NOT NULL AND updated_at IS NOT NULL AND systime IS NOT NULL
            FROM sl__load.film ORDER BY film_id
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal("ACADEMY DINOSAUR", reader.GetString(0));
        Assert.Equal("An epic drama", reader.GetString(1));
        Assert.Equal((short)2006, reader.GetInt16(2));
        Assert.Equal(9_000_000_000L, reader.GetInt64(3));
        Assert.Equal(99.99m, reader.GetDecimal(4));
        Assert.Equal(-123.45m, reader.GetDecimal(5));
        Assert.True(reader.GetBoolean(6));
        Assert.Equal(new DateOnly(2006, 2, 15), reader.GetFieldValue<DateOnly>(7));
        Assert.Equal(full.LastUpdate, reader.GetDateTime(8));
        Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(8).Kind);
        Assert.Equal(full.ReturnedAt, reader.GetDateTime(9));
        Assert.Equal(full.Poster, reader.GetFieldValue<byte[]>(10));
        Assert.Equal(full.SpecialFeatures, reader.GetFieldValue<string[]>(11));
        Assert.Equal("PG-13", reader.GetString(12));
        Assert.Equal(full.ExternalId, reader.GetGuid(13));
        Assert.True(reader.GetBoolean(14), "created_at, updated_at and systime come from the database defaults");

        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal("", reader.GetString(0));
        for (var i = 1; i <= 13; i++)
        {
            if (i is 3 or 4 or 6 or 8 or 13)
            {
                continue; // NOT NULL value types
            }

            Assert.True(reader.IsDBNull(i), $"column {i} should be NULL");
        }
    }

    [Fact]
    public async Task Append_streams_an_async_input_and_reports_progress()
    {
        var ct = TestContext.Current.CancellationToken;
        var reports = new List<BulkLoadProgress>();
        var progress = new SynchronousProgress<BulkLoadProgress>(reports.Add);

        var result = await _db.Loader.LoadAsync(
            Generate(2_500, ct),
            new BulkLoadOptions { Progress = progress, ProgressRowInterval = 100 },
            ct);

        Assert.Equal(2_500, result.RowsInserted);
        Assert.Equal(2_500L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
        var last = Assert.Single(reports, r => r.Completed);
        Assert.Equal(2_500, last.Rows);
        Assert.Equal("sl__load.film", last.Table);
        Assert.True(last.RowsPerSecond > 0);
    }

    [Fact]
    public async Task Bronze_records_are_stamped_with_the_batch_and_keep_their_hash()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = new[]
        {
            new FilmRaw { FilmId = 1, Title = "A", RentalRate = 0.99m, DpRecordHash = [1, 2, 3] },
            new FilmRaw { FilmId = 2, Title = null, RentalRate = 0.99m },
        };

        await Assert.ThrowsAsync<ArgumentException>(() => _db.BronzeLoader.LoadAsync(rows, new BulkLoadOptions(), ct));
        var result = await _db.BronzeLoader.LoadAsync(rows, new BulkLoadOptions { BatchId = 42 }, ct);

        Assert.Equal(2, result.RowsInserted);
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT count(*) FROM br__load__public.film_raw WHERE dp_batch_id = 42 AND dp_operation = 'upsert'"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM br__load__public.film_raw WHERE dp_record_hash = '\\x010203'::bytea"));
        Assert.Equal(BronzeOperation.Upsert, rows[0].DpOperation);
    }

    [Fact]
    public async Task LoadMany_loads_several_tables_with_bounded_parallelism()
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new[]
        {
            BulkLoadJob.Create(TestRows.Films(300), new BulkLoadOptions()),
            BulkLoadJob.Create(Enumerable.Range(1, 50).Select(i => new Category { CategoryId = i, Name = $"c{i}" }), new BulkLoadOptions()),
            BulkLoadJob.Create(() => Enumerable.Range(1, 70).Select(i => new Member { Code = $"m{i}", Name = "x" }), new BulkLoadOptions()),
        };

        var results = await _db.Loader.LoadManyAsync(jobs, maxDegreeOfParallelism: 2, ct);

        Assert.Equal([300L, 50L, 70L], results.Select(r => r.RowsInserted));
        Assert.Equal(["sl__load.film", "sl__load.category", "sl__load.member"], results.Select(r => r.Table));
        Assert.Equal(70L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.member WHERE member_key > 0"));
    }

    private static async IAsyncEnumerable<Film> Generate(int count, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i % 500 == 0)
            {
                await Task.Yield();
            }

            ct.ThrowIfCancellationRequested();
            yield return TestRows.Film(i);
        }
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
