using System.Linq.Expressions;
using System.Text.RegularExpressions;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// Key probes in rules (<c>set.Any(p =&gt; p.Key == row.X)</c>, a CASE test) run as <c>IN (SELECT …)</c>, a hashed SubPlan,
/// and classify rows exactly like the in-memory path; probes in WHERE clauses, and probes of a key or an index, keep EXISTS.
/// </summary>
public sealed partial class HashedProbeTests(PostgresServer server)
{
    private static readonly TransformContext s_context = new(7, DateTime.UnixEpoch);

    private static readonly RawLanguageCode[] s_codes = [.. AwkwardRows.Languages.Select(l => new RawLanguageCode { LanguageId = l.LanguageId })];

    private static RawFilm Film(int id, int? language) => new() { FilmId = id, BatchId = 1, Title = "Film " + id, LanguageId = language };

    private static async Task SeedAsync(TfxDatabase db, RawFilm[] films, CancellationToken ct)
    {
        await db.SeedAsync(films, AwkwardRows.Languages, ct);
        await db.Database.ExecuteAsync("INSERT INTO br__tfx__src.raw_language_code (language_id) SELECT language_id FROM br__tfx__src.raw_language", ct);
    }

    [Fact]
    public async Task A_nullable_key_probe_quarantines_null_and_orphan_keys_like_the_in_memory_path()
    {
        var ct = TestContext.Current.CancellationToken;
        RawFilm[] films = [Film(1, 1), Film(2, null), Film(3, 99), Film(4, 2)];
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_probe", ct);
        await SeedAsync(db, films, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var result = await new TransformRunner().RunAsync(new LanguageProbeTransform(), bronze, silver, s_context, cancellationToken: ct);

        Assert.Equal((4L, 2L, 2L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
        Assert.Equal([1, 4], await silver.Films.OrderBy(f => f.FilmId).Select(f => f.FilmId).ToListAsync(ct));
        Assert.Equal("2:orphan_language|3:orphan_language", await Quarantined(db, nameof(LanguageProbeTransform), ct));

        var memory = TransformRunner.RunInMemory(new LanguageProbeTransform(), new InMemorySources().Add(films).Add(s_codes), s_context);
        Assert.Equal([1, 4], memory.Rows.Select(r => r.FilmId).Order());
        Assert.Equal(["2:orphan_language", "3:orphan_language"], memory.Quarantined.Select(q => $"{q.Row.FilmId}:{q.Rule}").Order());
    }

    [Fact]
    public async Task A_nullable_key_probe_in_a_rule_is_a_null_guarded_IN_sub_query_without_null_compensation()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_probe_sql", ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var plan = await new TransformRunner().BuildAsync(new LanguageProbeTransform(), bronze, silver, s_context, cancellationToken: ct);

        // One rule: EF Core folds the CASE of the pass query into its WHERE (where PostgreSQL makes the IN a semi-join).
        Assert.DoesNotContain("EXISTS", plan.PassQuery, StringComparison.Ordinal);
        Assert.Contains("WHERE r.language_id IS NOT NULL AND r.language_id IN (", plan.PassQuery, StringComparison.Ordinal);
        Assert.Single(InSubQuery().Matches(plan.PassQuery));

        // The classification keeps the CASE: NOT (x IS NOT NULL AND x IN (…)) is x IS NULL OR x NOT IN (…), nothing more.
        // It classifies every row once, in a fenced sub-query; the quarantine statement reads the classified rows, and looks
        // up open quarantine entries, not the probed table.
        var classification = plan.ClassifyStatement!;
        Assert.DoesNotContain("EXISTS", classification, StringComparison.Ordinal);
        Assert.Contains("OFFSET", classification, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(classification, Regex.Escape("WHEN r.language_id IS NULL OR r.language_id NOT IN (")));
        Assert.Equal(1, Regex.Count(classification, "language_id IS "));
        Assert.Equal(1, InSubQuery().Count(classification));
        Assert.DoesNotContain("language", plan.QuarantineStatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guarded_and_reversed_probes_become_IN_sub_queries_that_PostgreSQL_runs_as_hashed_SubPlans()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_probe_guard", ct);
        await SeedAsync(db, [Film(1, 1), Film(2, null), Film(3, 1)], ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var runner = new TransformRunner();

        var plan = await runner.BuildAsync(new GuardedProbeTransform(), bronze, silver, s_context, cancellationToken: ct);
        Assert.DoesNotContain("EXISTS", plan.PassQuery, StringComparison.Ordinal);
        Assert.Contains("WHEN r.film_id NOT IN (", plan.PassQuery, StringComparison.Ordinal);
        Assert.Contains("WHEN r.language_id IS NULL OR r.language_id NOT IN (", plan.PassQuery, StringComparison.Ordinal);
        Assert.Equal(2, InSubQuery().Count(plan.PassQuery));
        var explain = await Explain(db, plan.PassQuery, ct);
        Assert.True(Regex.Count(explain, "hashed SubPlan") == 2, explain);
        Assert.DoesNotContain("(SubPlan", explain, StringComparison.Ordinal); // no per-row (plain) SubPlan

        var result = await runner.RunAsync(new GuardedProbeTransform(), bronze, silver, s_context, cancellationToken: ct);
        Assert.Equal((3L, 1L, 2L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
        Assert.Equal("2:orphan_language|3:film_is_no_language", await Quarantined(db, nameof(GuardedProbeTransform), ct));
    }

    [Fact]
    public async Task A_probe_in_the_WHERE_of_the_source_rows_keeps_EXISTS()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_probe_where", ct);
        await SeedAsync(db, [Film(1, 1), Film(2, 99), Film(3, null)], ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var runner = new TransformRunner();

        var plan = await runner.BuildAsync(new FilteredProbeTransform(), bronze, silver, s_context, cancellationToken: ct);
        Assert.Single(Regex.Matches(plan.PassQuery, "EXISTS"));
        Assert.Single(InSubQuery().Matches(plan.PassQuery));

        var result = await runner.RunAsync(new FilteredProbeTransform(), bronze, silver, s_context, cancellationToken: ct);
        Assert.Equal((1L, 1L, 0L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
    }

    [Fact]
    public async Task A_probe_of_a_key_keeps_EXISTS_and_classifies_like_the_in_memory_path()
    {
        var ct = TestContext.Current.CancellationToken;
        RawFilm[] films = [Film(1, 1), Film(2, null), Film(3, 99), new() { FilmId = 4, BatchId = 1, LanguageId = 2 }];
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_probe_keyed", ct);
        await SeedAsync(db, films, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var runner = new TransformRunner();

        var plan = await runner.BuildAsync(new KeyedProbeTransform(), bronze, silver, s_context, cancellationToken: ct);
        Assert.Contains("WHEN NOT EXISTS (", plan.PassQuery, StringComparison.Ordinal);
        Assert.Empty(InSubQuery().Matches(plan.PassQuery));

        var result = await runner.RunAsync(new KeyedProbeTransform(), bronze, silver, s_context, cancellationToken: ct);
        Assert.Equal((4L, 1L, 3L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
        Assert.Equal("2:orphan_language|3:orphan_language|4:blank_title", await Quarantined(db, nameof(KeyedProbeTransform), ct));
        var memory = TransformRunner.RunInMemory(new KeyedProbeTransform(), new InMemorySources().Add(films).Add(AwkwardRows.Languages), s_context);
        Assert.Equal(["2:orphan_language", "3:orphan_language", "4:blank_title"], memory.Quarantined.Select(q => $"{q.Row.FilmId}:{q.Rule}").Order());
    }

    [Fact]
    public void Probes_with_more_conjuncts_other_operators_or_reference_type_keys_are_left_alone()
    {
        var languages = Array.Empty<RawLanguage>().AsQueryable();
        Expression<Func<RawFilm, bool>>[] untouched =
        [
            f => languages.Any(l => l.LanguageId == f.LanguageId && l.Name != null),
            f => languages.Any(l => l.LanguageId > f.LanguageId),
            f => languages.Any(l => l.Name == f.Rating),
            f => languages.Any(l => l.LanguageId == l.LanguageId + f.FilmId),
            f => languages.Any(),
        ];

        foreach (var rule in untouched)
        {
            Assert.Same(rule.Body, HashedProbeRewriter.Rewrite(rule.Body));
        }

        Expression<Func<RawFilm, bool>> nullable = f => !languages.Any(l => f.LanguageId == l.LanguageId);
        var source = ((MethodCallExpression)((UnaryExpression)nullable.Body).Operand).Arguments[0];
        var rewritten = HashedProbeRewriter.Rewrite(nullable.Body);
        Assert.Equal(
            $"Not(((f.LanguageId != null) AndAlso {source}.Select(l => l.LanguageId).Contains(f.LanguageId.Value)))",
            rewritten.ToString());
    }

    private static async Task<string> Quarantined(TfxDatabase db, string transform, CancellationToken ct) =>
        await db.Database.ScalarAsync<string>(
            $"SELECT string_agg(row_key || ':' || rule, '|' ORDER BY row_key) FROM dataplatform.quarantine WHERE transform = '{transform}'", ct);

    private static async Task<string> Explain(TfxDatabase db, string query, CancellationToken ct)
    {
        await using var connection = await db.Database.OpenConnectionAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand("EXPLAIN " + query, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@" IN \(\s*SELECT", RegexOptions.CultureInvariant)]
    private static partial Regex InSubQuery();
}
