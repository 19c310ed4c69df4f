using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>Upsert, insert, dedup and quarantine behaviour of the in-server path.</summary>
public sealed class TransformRunTests(PostgresServer server)
{
    // Every quarantine entry as key:rule:opened in batch:last seen in batch:resolved in batch or "open".
    private const string QuarantineEntries =
        "SELECT string_agg(row_key || ':' || rule || ':' || batch_id || ':' || coalesce(last_seen_batch_id, batch_id) || ':' || coalesce(resolved_batch_id::text, 'open'), '|' ORDER BY row_key, quarantine_id) FROM dataplatform.quarantine";

    private static RawFilm Film(int id, long batch, string title, int? length = 90, int? language = 1) =>
        new() { FilmId = id, BatchId = batch, Title = title, LengthMinutes = length, LanguageId = language, Active = 1, Rating = "PG" };

    [Fact]
    public async Task Upsert_inserts_updates_changed_rows_and_leaves_equal_rows_untouched()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_upsert", ct);
        await db.SeedAsync([Film(1, 1, "One"), Film(2, 1, "Two"), Film(3, 1, "Three")], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var runner = new TransformRunner();
        var context = new TransformContext(1, DateTime.UtcNow);

        var first = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, context, cancellationToken: ct);
        Assert.Equal((3L, 3L, 0L, 0L), (first.RowsWritten, first.RowsInserted, first.RowsUpdated, first.RowsUnchanged));
        var before = await Versions(db, ct);

        var rerun = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, context, cancellationToken: ct);
        Assert.Equal((3L, 0L, 0L, 3L), (rerun.RowsWritten, rerun.RowsInserted, rerun.RowsUpdated, rerun.RowsUnchanged));
        Assert.Equal(before, await Versions(db, ct)); // no row version changed: equal rows were not rewritten

        await db.SeedAsync([Film(2, 2, "Two, revised")], [], ct);
        var changed = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, context, cancellationToken: ct);
        Assert.Equal((3L, 0L, 1L, 2L), (changed.RowsWritten, changed.RowsInserted, changed.RowsUpdated, changed.RowsUnchanged));
        var after = await Versions(db, ct);
        Assert.Equal(before[1], after[1]);
        Assert.Equal(before[3], after[3]);
        Assert.NotEqual(before[2], after[2]);
        Assert.Equal("Two, revised", await db.Database.ScalarAsync<string>("SELECT title FROM sl__tfx.clean_film WHERE film_id = 2", ct));

        // Every other staged key is held and equal: the new one is still inserted, and nothing is updated.
        await db.SeedAsync([Film(4, 3, "Four")], [], ct);
        var added = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, context, cancellationToken: ct);
        Assert.Equal((4L, 1L, 0L, 3L), (added.RowsWritten, added.RowsInserted, added.RowsUpdated, added.RowsUnchanged));
        Assert.Equal(after, (await Versions(db, ct)).Where(v => v.Key != 4).ToDictionary());
    }

    [Fact]
    public async Task LatestPerKey_dedupes_a_batch_with_two_rows_for_one_key_in_memory_and_in_the_server()
    {
        var ct = TestContext.Current.CancellationToken;
        RawFilm[] rows = [Film(1, 1, "Old"), Film(1, 3, "Newest"), Film(1, 2, "Newer"), Film(2, 1, "Only")];
        var context = new TransformContext(3, DateTime.UtcNow);
        var memory = TransformRunner.RunInMemory(new CleanFilmTransform(), new InMemorySources().Add(rows).Add(AwkwardRows.Languages), context);
        Assert.Equal(["Newest", "Only"], memory.Rows.OrderBy(r => r.FilmId).Select(r => r.Title));

        await using var db = await TfxDatabase.CreateAsync(server, "tfx_dedup", ct);
        await db.SeedAsync(rows, AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var result = await new TransformRunner().RunAsync(new CleanFilmTransform(), bronze, silver, context, cancellationToken: ct);

        Assert.Equal(2, result.RowsRead);
        Assert.Equal(["Newest", "Only"], await silver.Films.OrderBy(f => f.FilmId).Select(f => f.Title).ToListAsync(ct));
    }

    [Fact]
    public async Task Without_dedup_two_rows_for_one_key_fail_with_advice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_dupkey", ct);
        await db.SeedAsync([Film(1, 1, "A"), Film(1, 2, "B")], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new TransformRunner().RunAsync(
            new NoDedupTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), cancellationToken: ct));
        Assert.Contains("LatestPerKey", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.Database.ScalarAsync<long>("SELECT count(*) FROM sl__tfx.clean_film", ct));
    }

    [Fact]
    public async Task Without_dedup_two_rows_for_a_key_the_target_already_holds_fail_with_advice_and_leave_the_row_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_dupkey_existing", ct);
        await db.SeedAsync([Film(1, 1, "A"), Film(1, 2, "B")], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        await new TransformRunner().RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), cancellationToken: ct);

        // Both input rows match the stored key and differ from it: an UPDATE … FROM would apply one of them silently.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new TransformRunner().RunAsync(
            new NoDedupTransform(), bronze, silver, new TransformContext(2, DateTime.UtcNow), cancellationToken: ct));
        Assert.Contains("LatestPerKey", error.Message, StringComparison.Ordinal);
        Assert.Equal("B|b|1", await db.Database.ScalarAsync<string>("SELECT title || '|' || title_key || '|' || batch_id FROM sl__tfx.clean_film", ct));
    }

    [Fact]
    public async Task Quarantined_rows_land_in_the_quarantine_table_and_read_equals_written_plus_quarantined()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_quarantine", ct);
        await db.SeedAsync(
            [Film(1, 1, "Good"), Film(2, 1, "\u00a0\u3000"), Film(3, 1, "Orphan", language: 99), Film(4, 1, "Negative", length: -1), Film(5, 1, "Good too")],
            AwkwardRows.Languages,
            ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var result = await new TransformRunner().RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(42, DateTime.UtcNow), cancellationToken: ct);

        Assert.Equal((5L, 2L, 3L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
        Assert.Equal(
            "2:blank_title:title is blank:42:\u00a0\u3000|3:orphan_language:language does not exist:42:Orphan|4:negative_length:length is negative:42:Negative",
            await db.Database.ScalarAsync<string>(
                "SELECT string_agg(row_key || ':' || rule || ':' || message || ':' || batch_id || ':' || (raw_row ->> 'title'), '|' ORDER BY row_key) " +
                "FROM dataplatform.quarantine WHERE table_name = 'sl__tfx.clean_film' AND transform = 'CleanFilmTransform'",
                ct));
    }

    [Fact]
    public async Task A_row_keeps_one_open_entry_per_rule_until_it_passes_and_a_failing_row_leaves_a_target_kept_whole()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_quarantine_life", ct);
        await db.SeedAsync([Film(1, 1, "Good"), Film(2, 1, " "), Film(3, 1, "Negative", length: -1)], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var runner = new TransformRunner();
        var kept = new TransformRunOptions { RemoveMissing = true };

        await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), kept, ct);
        await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(2, DateTime.UtcNow), kept, ct);
        Assert.Equal("2:blank_title:1:2:open|3:negative_length:1:2:open", await db.Database.ScalarAsync<string>(QuarantineEntries, ct));

        // Film 2 is fixed, film 3 now fails another rule, and film 1, already loaded, starts failing one.
        await db.SeedAsync([Film(2, 2, "Two"), Film(3, 2, "", length: -1), Film(1, 2, "Good", length: -5)], [], ct);
        var third = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(3, DateTime.UtcNow), kept, ct);

        Assert.Equal((3L, 1L, 2L), (third.RowsRead, third.RowsWritten, third.RowsQuarantined));
        Assert.Equal(
            "1:negative_length:3:3:open|2:blank_title:1:2:3|3:negative_length:1:2:3|3:blank_title:3:3:open",
            await db.Database.ScalarAsync<string>(QuarantineEntries, ct));
        Assert.Equal("2", await db.Database.ScalarAsync<string>("SELECT string_agg(film_id::text, ',' ORDER BY film_id) FROM sl__tfx.clean_film", ct));

        await using var ledger = new BatchLedger(db.Database.DataSource);
        Assert.Equal(0, await ledger.PurgeResolvedQuarantineAsync(TimeSpan.FromDays(1), ct));
        Assert.Equal(2, await ledger.PurgeResolvedQuarantineAsync(TimeSpan.Zero, ct));
        var open = await ledger.GetOpenQuarantineAsync(ct);
        Assert.Equal(
            [new OpenQuarantine("sl__tfx.clean_film", "blank_title", 1, 3, 3), new OpenQuarantine("sl__tfx.clean_film", "negative_length", 1, 3, 3)],
            open);
    }

    [Fact]
    public async Task Older_duplicates_of_an_open_entry_are_resolved_and_the_newest_stays_open()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_quarantine_dupes", ct);
        await db.SeedAsync([Film(1, 1, "Good"), Film(2, 1, " ")], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var runner = new TransformRunner();
        await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), cancellationToken: ct);

        // An entry written twice, as versions that kept no entry open per rule did.
        await db.Database.ExecuteAsync(
            "INSERT INTO dataplatform.quarantine (batch_id, transform, table_name, row_key, rule, message, raw_row) " +
            "SELECT batch_id, transform, table_name, row_key, rule, message, raw_row FROM dataplatform.quarantine",
            ct);
        await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(2, DateTime.UtcNow), cancellationToken: ct);

        Assert.Equal(
            "2:blank_title:1:2:2|2:blank_title:1:2:open",
            await db.Database.ScalarAsync<string>(QuarantineEntries, ct));
    }

    [Fact]
    public async Task Two_failing_rows_of_one_key_in_a_first_batch_leave_one_open_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_quarantine_twice", ct);
        await db.SeedAsync([Film(1, 1, "Good"), Film(2, 1, " "), Film(2, 1, "\t")], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var result = await new TransformRunner().RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), cancellationToken: ct);

        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
        Assert.Equal(
            "2:blank_title:1:1:1|2:blank_title:1:1:open",
            await db.Database.ScalarAsync<string>(QuarantineEntries, ct));
    }

    [Fact]
    public async Task A_table_without_open_entries_quarantines_straight_from_the_classified_rows_and_one_with_them_collects_them_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_quarantine_direct", ct);
        await db.SeedAsync([Film(1, 1, "Good"), Film(2, 1, " "), Film(3, 1, "Negative", length: -1)], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        using var log = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(log));
        var runner = new TransformRunner(loggerFactory);

        var first = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), cancellationToken: ct);
        Assert.DoesNotContain(TransformSql.QuarantinedTable, QuarantineStatement(log), StringComparison.Ordinal);
        Assert.Equal((3L, 1L, 2L), (first.RowsRead, first.RowsWritten, first.RowsQuarantined));
        Assert.Equal("2:blank_title:1:1:open|3:negative_length:1:1:open", await db.Database.ScalarAsync<string>(QuarantineEntries, ct));

        log.Clear();
        var second = await runner.RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(2, DateTime.UtcNow), cancellationToken: ct);
        Assert.StartsWith("CREATE TEMPORARY TABLE " + TransformSql.QuarantinedTable, QuarantineStatement(log), StringComparison.Ordinal);
        Assert.Equal(2L, second.RowsQuarantined);
        Assert.Equal("2:blank_title:1:2:open|3:negative_length:1:2:open", await db.Database.ScalarAsync<string>(QuarantineEntries, ct));
    }

    private static string QuarantineStatement(ListLoggerProvider log)
    {
        const string prefix = "Transform CleanFilmTransform into \"dataplatform\".\"quarantine\": ";
        return Assert.Single(log.Messages, m => m.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
    }

    [Fact]
    public async Task Insert_mode_appends()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_insert", ct);
        await db.SeedAsync([Film(1, 1, "One"), Film(2, 1, "Two")], AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var result = await new TransformRunner().RunAsync(
            new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UtcNow), new TransformRunOptions { Mode = TransformMode.Insert }, ct);

        Assert.Equal((2L, 2L), (result.RowsInserted, await db.Database.ScalarAsync<long>("SELECT count(*) FROM sl__tfx.clean_film", ct)));
    }

    private static async Task<Dictionary<int, string>> Versions(TfxDatabase db, CancellationToken ct)
    {
        var versions = new Dictionary<int, string>();
        await using var connection = await db.Database.OpenConnectionAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT film_id, xmin::text || '/' || updated_at::text FROM sl__tfx.clean_film", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions[reader.GetInt32(0)] = reader.GetString(1);
        }

        return versions;
    }

    private sealed class NoDedupTransform : Transform<RawFilm, CleanFilm>
    {
        public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>()).Select(f => new CleanFilm { FilmId = f.FilmId, Title = f.Title!, TitleKey = f.Title!, TitleUpper = f.Title!, TitleLength = 1, LanguageId = 1, IsActive = true, BatchId = f.BatchId });
    }
}
