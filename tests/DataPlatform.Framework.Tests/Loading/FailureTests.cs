using DataPlatform.Framework.Loading;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Loading;

public sealed class FailureTests(PostgresServer server) : IAsyncLifetime
{
    private LoadingDatabase _db = null!;

    public async ValueTask InitializeAsync() =>
        _db = await LoadingDatabase.CreateAsync(server, "load_failure", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, BulkLoadMode> BadRows() => new()
    {
        { "too_long", BulkLoadMode.Append },
        { "numeric_overflow", BulkLoadMode.Append },
        { "null_not_null", BulkLoadMode.Append },
        { "bad_enum", BulkLoadMode.Append },
        { "local_time", BulkLoadMode.Append },
        { "too_long", BulkLoadMode.Upsert },
        { "numeric_overflow", BulkLoadMode.Replace },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_row_fails_the_call_naming_table_column_key_and_batch_and_commits_nothing(string kind, BulkLoadMode mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        var rows = TestRows.Films(5);
        var bad = rows[2];
        var column = kind switch
        {
            "too_long" => Set(() => bad.Title = new string('x', 21), "title"),
            "numeric_overflow" => Set(() => bad.RentalRate = 100m, "rental_rate"),
            "null_not_null" => Set(() => bad.Title = null!, "title"),
            "bad_enum" => Set(() => bad.Rating = (MpaaRating)42, "rating"),
            "local_time" => Set(() => bad.LastUpdate = new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Local), "last_update"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = await Assert.ThrowsAsync<BulkLoadException>(() =>
            _db.Loader.LoadAsync(rows, new BulkLoadOptions { Mode = mode, BatchId = 99 }, ct));

        Assert.Equal("sl__load.film", error.Table);
        Assert.Equal(column, error.Column);
        Assert.Equal(3, error.RowPosition);
        Assert.Equal("film_id=3", error.RowKey);
        Assert.Equal(99, error.BatchId);
        Assert.Contains("sl__load.film", error.Message);
        Assert.Contains(column, error.Message);
        Assert.Contains("batch 99", error.Message);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
    }

    [Fact]
    public async Task A_row_rejected_by_the_server_is_mapped_back_to_its_position_and_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("ALTER TABLE sl__load.film ADD CONSTRAINT ck_film_views CHECK (views <> 4000)");
        try
        {
            var error = await Assert.ThrowsAsync<BulkLoadException>(() =>
                _db.Loader.LoadAsync(TestRows.Films(6), new BulkLoadOptions { BatchId = 5 }, ct));

            Assert.Equal(4, error.RowPosition);
            Assert.Equal("film_id=4", error.RowKey);
            Assert.Equal(5, error.BatchId);
            Assert.Contains("ck_film_views", error.Message);
            Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
        }
        finally
        {
            await _db.ExecuteAsync("ALTER TABLE sl__load.film DROP CONSTRAINT ck_film_views");
        }
    }

    [Fact]
    public async Task A_source_that_throws_mid_stream_commits_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        foreach (var mode in new[] { BulkLoadMode.Append, BulkLoadMode.Upsert })
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                _db.Loader.LoadAsync(TestRows.ThrowingAfter(2_000), new BulkLoadOptions { Mode = mode }, ct));
            Assert.Equal("source broke mid-stream", error.Message);
        }

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
    }

    [Fact]
    public async Task Cancellation_rolls_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);

        IEnumerable<Film> CancelAfter(int rows)
        {
            for (var i = 1; ; i++)
            {
                if (i == rows)
                {
                    cancel.Cancel();
                }

                yield return TestRows.Film(i);
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _db.Loader.LoadAsync(CancelAfter(3_000), new BulkLoadOptions(), cancel.Token));

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
        var after = await _db.Loader.LoadAsync(TestRows.Films(3), new BulkLoadOptions(), ct);
        Assert.Equal(3, after.RowsInserted);
    }

    [Fact]
    public async Task A_callers_transaction_decides_and_a_rollback_leaves_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        await using var connection = await _db.Database.OpenConnectionAsync(ct);
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var options = new BulkLoadOptions { Connection = connection, Transaction = transaction };
            await _db.Loader.LoadAsync(TestRows.Films(10), options, ct);
            await _db.Loader.LoadAsync(TestRows.Films(5, firstId: 8), options with { Mode = BulkLoadMode.Upsert }, ct);
            Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
    }

    [Fact]
    public async Task A_broken_connection_is_retried_for_a_replayable_input_without_duplicating_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        var killer = new KillingCollection(_db.Database, TestRows.Films(3_000), killAt: 1_500);

        var result = await _db.Loader.LoadAsync(killer, new BulkLoadOptions(), ct);

        Assert.Equal(2, result.Attempts);
        Assert.Equal(3_000, result.RowsInserted);
        Assert.Equal(3_000L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));

        // The same failure with a one-shot input fails clearly and commits nothing.
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        var once = new KillingCollection(_db.Database, TestRows.Films(3_000), killAt: 1_500);
        var error = await Assert.ThrowsAsync<BulkLoadException>(() => _db.Loader.LoadAsync(once.AsAsync(), new BulkLoadOptions(), ct));
        Assert.Contains("cannot be retried", error.Message);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
    }

    private static string Set(Action change, string column)
    {
        change();
        return column;
    }

    /// <summary>A replayable input that, on its first enumeration, terminates the loading backend mid-COPY.</summary>
    private sealed class KillingCollection(TestDatabase database, List<Film> rows, int killAt) : IReadOnlyCollection<Film>
    {
        private bool _killed;

        public int Count => rows.Count;

        public IEnumerator<Film> GetEnumerator()
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == killAt && !_killed)
                {
                    _killed = true;
                    database.ExecuteAsync(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'COPY%' AND pid <> pg_backend_pid() AND datname = current_database()",
                        CancellationToken.None).GetAwaiter().GetResult();
                    Thread.Sleep(200);
                }

                yield return rows[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public async IAsyncEnumerable<Film> AsAsync()
        {
            foreach (var row in this)
            {
                await Task.CompletedTask;
                yield return row;
            }
        }
    }
}
