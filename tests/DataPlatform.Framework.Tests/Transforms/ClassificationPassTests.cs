using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// A transform with rules reads its input once: one statement classifies every row and maps the passing ones into a
/// temporary table, and the quarantine and the write stage read that table.
/// </summary>
public sealed class ClassificationPassTests(PostgresServer server)
{
    private static RawFilm Film(int id, string? title, int? length = 90, int? language = 1) =>
        new() { FilmId = id, BatchId = 1, Title = title, LengthMinutes = length, LanguageId = language, Active = 1, Rating = "PG" };

    [Fact]
    public async Task The_quarantine_and_the_stage_read_the_classified_rows_and_the_rules_run_once_in_a_fenced_sub_query()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_onepass_sql", ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var plan = await new TransformRunner().BuildAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(1, DateTime.UnixEpoch), cancellationToken: ct);

        var classify = plan.ClassifyStatement!;
        Assert.StartsWith("CREATE TEMPORARY TABLE dp_classified ON COMMIT DROP AS", classify, StringComparison.Ordinal);
        Assert.Contains("br__tfx__src.raw_film", classify, StringComparison.Ordinal);
        foreach (var rule in new[] { "'blank_title'", "'orphan_language'", "'negative_length'" })
        {
            Assert.Equal(1, Regex.Count(classify, Regex.Escape(rule)));
        }

        // Every mapped member is computed from the sub-query's rule column, only for a passing row.
        Assert.Equal(12, Regex.Count(classify, Regex.Escape("\"DpRule\" IS NULL")));
        Assert.Equal(1, Regex.Count(classify, "raw_language"));
        // One fence, around the rules; the mapping query's own is dropped, so PostgreSQL flattens it into the statement.
        Assert.Equal(1, Regex.Count(classify, "OFFSET @"));
        Assert.Matches(@"OFFSET @\w+\s*\) AS \w+\) AS x \(", classify);

        Assert.Contains("FROM dp_classified AS c", plan.QuarantineStatement, StringComparison.Ordinal);
        Assert.DoesNotContain("br__tfx__src", plan.QuarantineStatement, StringComparison.Ordinal);

        // Whether an entry is open is decided before the insert, which never probes the quarantine it grows.
        var quarantine = plan.QuarantineStatement!;
        var insert = quarantine[quarantine.IndexOf("INSERT INTO", StringComparison.Ordinal)..];
        Assert.Contains("FROM dp_quarantined AS f WHERE NOT f.is_open", insert, StringComparison.Ordinal);
        Assert.DoesNotContain("FROM \"dataplatform\".\"quarantine\"", insert, StringComparison.Ordinal);
        Assert.Equal(
            "CREATE TEMPORARY VIEW dp_write_stage AS SELECT \"film_id\", \"title\", \"title_key\", \"title_upper\", \"title_length\", " +
            "\"description\", \"email\", \"rating\", \"length_minutes\", \"language_id\", \"is_active\", \"batch_id\" FROM dp_classified WHERE dp_rule IS NULL",
            plan.StageStatement);
    }

    [Fact]
    public async Task Counts_and_raw_rows_of_a_dirty_input_come_from_the_one_pass()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_onepass_dirty", ct);
        await db.SeedAsync(
            [Film(1, "Good"), Film(2, " "), Film(3, "Orphan", language: 99), Film(4, "Negative", length: -1), Film(5, "Good too", length: null)],
            AwkwardRows.Languages,
            ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var result = await new TransformRunner().RunAsync(new CleanFilmTransform(), bronze, silver, new TransformContext(9, DateTime.UtcNow), cancellationToken: ct);

        Assert.Equal((5L, 2L, 2L, 3L), (result.RowsRead, result.RowsWritten, result.RowsInserted, result.RowsQuarantined));
        Assert.Equal(
            "1:Good:good:GOOD:4:90|5:Good too:good too:GOOD TOO:8",
            await db.Database.ScalarAsync<string>(
                "SELECT string_agg(concat_ws(':', film_id, title, title_key, title_upper, title_length, length_minutes), '|' ORDER BY film_id) FROM sl__tfx.clean_film",
                ct));

        // The raw row is the whole source row, keyed by its column names, as to_jsonb writes it.
        Assert.Equal(
            "2:blank_title|3:orphan_language|4:negative_length",
            await db.Database.ScalarAsync<string>(
                "SELECT string_agg(q.row_key || ':' || q.rule, '|' ORDER BY q.row_key) FROM dataplatform.quarantine AS q " +
                "JOIN br__tfx__src.raw_film AS r ON r.film_id::text = q.row_key WHERE q.raw_row = to_jsonb(r)",
                ct));

        // Nothing of the pass is left behind in the session.
        Assert.Equal(0L, await db.Database.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname IN ('dp_classified', 'dp_write_stage')", ct));
    }

    [Fact]
    public async Task A_map_that_would_fail_on_a_row_a_rule_rejects_is_not_evaluated_for_that_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_onepass_guard", ct);
        RawFilm[] films = [Film(1, "Long", length: 90), Film(2, "Empty", length: 0), Film(3, "Short", length: 45)];
        await db.SeedAsync(films, AwkwardRows.Languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        // The map divides by the length: evaluated on film 2, it fails the statement.
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ScalarAsync<long>("SELECT sum(1000 / length_minutes) FROM br__tfx__src.raw_film", ct));
        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);

        var context = new TransformContext(1, DateTime.UtcNow);
        var result = await new TransformRunner().RunAsync(new PerMinuteTransform(), bronze, silver, context, cancellationToken: ct);

        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
        Assert.Equal("1:11|3:22", await db.Database.ScalarAsync<string>("SELECT string_agg(film_id || ':' || title_length, '|' ORDER BY film_id) FROM sl__tfx.clean_film", ct));
        Assert.Equal("2:zero_length", await db.Database.ScalarAsync<string>("SELECT string_agg(row_key || ':' || rule, '|') FROM dataplatform.quarantine", ct));

        var memory = TransformRunner.RunInMemory(new PerMinuteTransform(), new InMemorySources().Add(films), context);
        Assert.Equal(["1:11", "3:22"], memory.Rows.OrderBy(r => r.FilmId).Select(r => $"{r.FilmId}:{r.TitleLength}"));
        Assert.Equal(["2:zero_length"], memory.Quarantined.Select(q => $"{q.Key}:{q.Rule}"));
    }

    [Fact]
    public async Task An_SCD2_merge_with_rules_stages_the_passing_rows_of_the_one_pass()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_onepass_scd2", ct);
        await db.SeedAsync([Film(1, "One"), Film(2, null), Film(3, "Three")], [], ct);
        await using var bronze = db.Bronze();
        await using var gold = db.Gold();

        var result = await new TransformRunner().MergeScd2Async(new TitledDimFilmTransform(), bronze, gold, new TransformContext(1, DateTime.UtcNow), cancellationToken: ct);

        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.FirstVersions, result.RowsQuarantined));
        Assert.Equal(["One", "Three"], await gold.Films.OrderBy(f => f.FilmId).Select(f => f.Title).ToListAsync(ct));
        Assert.Equal("2:untitled", await db.Database.ScalarAsync<string>("SELECT string_agg(row_key || ':' || rule, '|') FROM dataplatform.quarantine", ct));
    }

    /// <summary>Minutes per film scaled by 1000: only a rule keeps the division from a zero length.</summary>
    private sealed class PerMinuteTransform : Transform<RawFilm, CleanFilm>
    {
        public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>())
                .Rule("zero_length", f => f.LengthMinutes != 0, "length is zero")
                .KeyedBy(f => f.FilmId)
                .Select(f => new CleanFilm { FilmId = f.FilmId, Title = f.Title!, TitleKey = f.Title!, TitleUpper = f.Title!, TitleLength = 1000 / f.LengthMinutes!.Value, LanguageId = 1, IsActive = true, BatchId = f.BatchId });
    }

    /// <summary>The film dimension, quarantining films without a title.</summary>
    private sealed class TitledDimFilmTransform : Transform<RawFilm, DimFilm>
    {
        public override TransformDefinition<RawFilm, DimFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>().LatestPerKey(f => f.FilmId, f => f.BatchId))
                .Rule("untitled", f => f.Title != null, "title is missing")
                .KeyedBy(f => f.FilmId)
                .Select(f => new DimFilm { FilmId = f.FilmId, Title = f.Title!, Rating = f.Rating });
    }
}
