using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>Transforms whose in-memory and in-server results could differ fail when they are built, naming the member.</summary>
public sealed class TransformBuildCheckTests(PostgresServer server)
{
    private static readonly TransformContext s_context = new(1, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void ToLowerInvariant_is_rejected_naming_the_member()
    {
        var error = Assert.Throws<TransformBuildException>(() => TransformRunner.Check(new MapTransform(f => new CleanFilm
        {
            FilmId = f.FilmId,
            TitleKey = f.Title!.ToLowerInvariant(),
        })));
        Assert.Contains("member CleanFilm.TitleKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("ToLowerInvariant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_method_is_rejected_naming_the_member()
    {
        var error = Assert.Throws<TransformBuildException>(() => TransformRunner.Check(new MapTransform(f => new CleanFilm
        {
            FilmId = f.FilmId,
            Title = Shout(f.Title)!,
        })));
        Assert.Contains("member CleanFilm.Title", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Shout), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinal_ignore_case_comparison_in_a_rule_is_rejected()
    {
        var error = Assert.Throws<TransformBuildException>(() => TransformRunner.Check(new RuleTransform(
            f => !string.Equals(f.Rating, "x", StringComparison.OrdinalIgnoreCase))));
        Assert.Contains("rule 'check'", error.Message, StringComparison.Ordinal);
        Assert.Contains("StringComparison", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^\\s+$", "\\s")]
    [InlineData("^\\d+$", "\\d")]
    [InlineData("(?i)abc", "(?")]
    [InlineData("[[:alpha:]]", "POSIX")]
    public void Regex_patterns_outside_the_portable_subset_are_rejected(string pattern, string named)
    {
        var error = Assert.Throws<TransformBuildException>(() => TransformRunner.Check(new RuleTransform(f => Regex.IsMatch(f.Title!, pattern))));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clock_is_rejected()
    {
        var error = Assert.Throws<TransformBuildException>(() => TransformRunner.Check(new RuleTransform(f => f.BatchId < DateTime.UtcNow.Ticks)));
        Assert.Contains("TransformContext.RunTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_EF_evaluates_on_the_client_fails_the_LIMIT_0_probe_naming_the_member()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_client_eval", ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        // An unmapped property passes the static check (no method call) but EF can only evaluate it on the client.
        var error = await Assert.ThrowsAsync<TransformBuildException>(() => new TransformRunner().RunAsync(
            new MapTransform(f => new CleanFilm { FilmId = f.FilmId, Title = f.ShoutedTitle }), bronze, silver, s_context, cancellationToken: ct));
        Assert.Contains("CleanFilm.Title", error.Message, StringComparison.Ordinal);
        Assert.Contains("on the client", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_members_with_identical_expressions_both_get_their_value()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_twins", ct);
        await db.SeedAsync([new RawFilm { FilmId = 1, Title = " Twin " }], [], ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        // EF Core drops one of two identical projections; the framework maps the twin to the kept column.
        await new TransformRunner().RunAsync(
            new MapTransform(f => new CleanFilm { FilmId = f.FilmId, Title = f.Title!.Trim(), TitleKey = f.Title!.Trim(), TitleUpper = f.Title!.Trim(), TitleLength = 4, LanguageId = 1, IsActive = true, BatchId = 1 }),
            bronze, silver, s_context, cancellationToken: ct);

        Assert.Equal("Twin|Twin|Twin", await db.Database.ScalarAsync<string>("SELECT title || '|' || title_key || '|' || title_upper FROM sl__tfx.clean_film", ct));
    }

    [Fact]
    public async Task The_generated_statement_is_one_parameterised_update_and_insert_read_from_the_target_model()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_sql", ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var plan = await new TransformRunner().BuildAsync(new CleanFilmTransform(), bronze, silver, s_context, cancellationToken: ct);

        Assert.Contains("btrim(", plan.PassQuery, StringComparison.Ordinal);
        Assert.Contains("COLLATE \"C.utf8\"", plan.PassQuery, StringComparison.Ordinal);
        Assert.Contains("NOT EXISTS", plan.PassQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("7 AS", plan.PassQuery, StringComparison.Ordinal); // the batch id is a parameter
        Assert.Contains("UPDATE \"sl__tfx\".\"clean_film\" AS t SET", plan.WriteStatement, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO \"sl__tfx\".\"clean_film\" (", plan.WriteStatement, StringComparison.Ordinal);
        // The insert reads the keys recorded before it, never the target it is growing.
        var insert = plan.WriteStatement[plan.WriteStatement.IndexOf("INSERT INTO", StringComparison.Ordinal)..];
        Assert.Contains("WHERE NOT EXISTS (SELECT 1 FROM dp_write_existing AS e WHERE e.\"film_id\" = s.\"film_id\")", insert, StringComparison.Ordinal);
        Assert.DoesNotContain("FROM \"sl__tfx\".\"clean_film\"", insert, StringComparison.Ordinal);
        Assert.DoesNotContain("ON CONFLICT", plan.WriteStatement, StringComparison.Ordinal);
        Assert.Contains("IS DISTINCT FROM", plan.WriteStatement, StringComparison.Ordinal);
        Assert.Contains("\"updated_at\" = now()", plan.WriteStatement, StringComparison.Ordinal);
        Assert.DoesNotContain("\"created_at\"", plan.WriteStatement, StringComparison.Ordinal);
        Assert.Contains("to_jsonb(dp_raw)", plan.ClassifyStatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_map_that_leaves_out_a_mandatory_column_fails_when_built()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_mandatory", ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var error = await Assert.ThrowsAsync<TransformBuildException>(() => new TransformRunner().RunAsync(
            new MapTransform(f => new CleanFilm { FilmId = f.FilmId, Title = f.Title! }), bronze, silver, s_context, cancellationToken: ct));
        Assert.Contains("TitleLength", error.Message, StringComparison.Ordinal);
    }

    private static string? Shout(string? text) => text + "!";

    private sealed class MapTransform(System.Linq.Expressions.Expression<Func<RawFilm, CleanFilm>> map) : Transform<RawFilm, CleanFilm>
    {
        public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>()).Select(map);
    }

    private sealed class RuleTransform(System.Linq.Expressions.Expression<Func<RawFilm, bool>> rule) : Transform<RawFilm, CleanFilm>
    {
        public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>()).Rule("check", rule).KeyedBy(f => f.FilmId).Select(f => new CleanFilm { FilmId = f.FilmId });
    }
}
