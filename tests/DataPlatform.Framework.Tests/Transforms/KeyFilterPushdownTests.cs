using System.Text.RegularExpressions;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// An incremental run's key filter also narrows the grouped side of a join on the target key (a rental's payment sums are
/// aggregated for the changed rentals only), and only there: a join on another column keeps its whole inner side.
/// </summary>
public sealed partial class KeyFilterPushdownTests(PostgresServer server)
{
    private static readonly TransformContext s_context = new(7, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    private static readonly RawFilm[] s_films =
    [
        new() { FilmId = 1, BatchId = 1, Title = "A", LanguageId = 1 },
        new() { FilmId = 2, BatchId = 1, Title = "B", LanguageId = 1 },
        new() { FilmId = 2, BatchId = 2, Title = "B2", LanguageId = 1 },
        new() { FilmId = 3, BatchId = 1, Title = "C", LanguageId = 1 },
    ];

    [Fact]
    public async Task The_keys_of_an_incremental_run_reach_the_grouped_side_of_a_join_on_the_target_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_pushdown_sql", ct);
        await using var bronze = db.Bronze();

        var sql = NarrowedPassQuery(new FilmVersionsTransform(), bronze, [2]);

        Assert.True(KeysParameter().Count(sql) == 2, sql);
        Assert.Matches(KeysOnTheGroupedSide(), sql);
    }

    [Fact]
    public async Task A_join_on_another_column_keeps_its_whole_inner_side()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_pushdown_other", ct);
        await using var bronze = db.Bronze();

        var sql = NarrowedPassQuery(new LanguageLookUpTransform(), bronze, [2]);

        Assert.True(KeysParameter().Count(sql) == 1, sql);
    }

    [Fact]
    public async Task A_narrowed_run_writes_the_grouped_values_of_its_keys_and_leaves_the_others_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_pushdown_run", ct);
        await db.SeedAsync(s_films, [new RawLanguage { LanguageId = 1, Name = "English" }], ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var transform = new FilmVersionsTransform();
        await new TransformRunner().RunAsync(transform, bronze, silver, s_context, cancellationToken: ct);
        await db.Database.ExecuteAsync("UPDATE sl__tfx.clean_film SET title_length = -1", ct);

        var composed = ComposedTransform<FilmLanguageInput, CleanFilm>.Compose(transform.Name, transform.Define(new DbContextSources(bronze), s_context));
        var keys = new List<int> { 2 };
        var filter = IncrementalShape.In(System.Linq.Expressions.Expression.Lambda(composed.Bindings.Single(b => b.Member.Name == nameof(CleanFilm.FilmId)).Expression, composed.Definition.Map.Parameters), keys);
        await new TransformRunner().RunAsync(transform, bronze, silver, s_context, new TransformRunOptions { RowFilter = filter, Keys = keys }, ct);

        Assert.Equal(
            ["1:-1", "2:2", "3:-1"],
            await silver.Films.AsNoTracking().OrderBy(f => f.FilmId).Select(f => $"{f.FilmId}:{f.TitleLength}").ToListAsync(ct));
    }

    private static string NarrowedPassQuery(Transform<FilmLanguageInput, CleanFilm> transform, DbContext source, List<int> keys)
    {
        var definition = transform.Define(new DbContextSources(source), s_context);
        var plain = ComposedTransform<FilmLanguageInput, CleanFilm>.Compose(transform.Name, definition);
        var targetKey = System.Linq.Expressions.Expression.Lambda(
            plain.Bindings.Single(b => b.Member.Name == nameof(CleanFilm.FilmId)).Expression, definition.Map.Parameters);
        var composed = ComposedTransform<FilmLanguageInput, CleanFilm>.Compose(
            transform.Name, definition, (System.Linq.Expressions.Expression<Func<FilmLanguageInput, bool>>)IncrementalShape.In(targetKey, keys));
        return SqlQuery.Translate<CleanFilm>(definition.Rows.Provider, ServerRewriter.Rewrite(composed.Pass), transform.Name, "the pass query").Sql;
    }

    [GeneratedRegex(@"= ANY \(")]
    private static partial Regex KeysParameter();

    [GeneratedRegex(@"GROUP BY (\w+)\.film_id\s+HAVING \1\.film_id = ANY \(@\w+\)")]
    private static partial Regex KeysOnTheGroupedSide();

    /// <summary>Each film with how many bronze versions it has: a grouped <c>LeftJoin</c> on the film, the target key.</summary>
    private sealed class FilmVersionsTransform : Transform<FilmLanguageInput, CleanFilm>
    {
        public override TransformDefinition<FilmLanguageInput, CleanFilm> Define(ITransformSources sources, TransformContext context)
        {
            var versions = sources.Set<RawFilm>().GroupBy(f => f.FilmId).Select(g => new LanguageFilms { LanguageId = g.Key, Films = g.Count() });
            var rows = sources.Set<RawFilm>().LatestPerKey(f => f.FilmId, f => f.BatchId)
                .Select(f => new FilmLanguageInput { FilmId = f.FilmId, Title = f.Title, LanguageId = f.LanguageId })
                .LeftJoin(
                    versions,
                    x => x.FilmId,
                    v => v.LanguageId,
                    (x, v) => new FilmLanguageInput { FilmId = x.FilmId, Title = x.Title, LanguageId = x.LanguageId, FilmsInLanguage = (int?)v!.Films ?? 0 });
            return From(rows)
                .KeyedBy(x => x.FilmId)
                .Select(x => new CleanFilm
                {
                    FilmId = x.FilmId,
                    Title = x.Title!,
                    TitleKey = x.Title!,
                    TitleUpper = x.Title!,
                    TitleLength = x.FilmsInLanguage,
                    LanguageId = x.LanguageId!.Value,
                    IsActive = true,
                    BatchId = context.BatchId,
                });
        }
    }
}
