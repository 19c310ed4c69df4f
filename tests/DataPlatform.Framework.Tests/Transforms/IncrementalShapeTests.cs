using System.Linq.Expressions;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// Which transforms an upsert step may run incrementally: an input of tables, filters, lookups and joins is, with each
/// table's match judged stable only on its identity; a transform that captures a run-time value (its output can change
/// with no input changing) or whose input runs a sub-query is not, and recomputes every key.
/// </summary>
public sealed class IncrementalShapeTests(PostgresServer server)
{
    private static readonly TransformContext s_context = new(7, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task Tables_filters_and_lookups_run_incrementally_with_a_lookup_on_a_key_judged_stable()
    {
        var (shape, reason) = await AnalyzeAsync(new FilmWithLanguageTransform(stampRunTime: false), "tfx_incremental_shape");

        Assert.Null(reason);
        Assert.Equal(
            [(nameof(RawFilm), false, true), (nameof(RawLanguage), true, false)],
            shape!.Leaves.Select(l => (l.EntityType.ClrType.Name, l.StableLink, l.IsRoot)));
    }

    [Fact]
    public async Task A_transform_that_captures_a_run_time_value_recomputes_every_key()
    {
        var (shape, reason) = await AnalyzeAsync(new FilmWithLanguageTransform(stampRunTime: true), "tfx_incremental_capture");

        Assert.Null(shape);
        Assert.Contains("captures", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_input_that_runs_a_sub_query_recomputes_every_key()
    {
        var (shape, reason) = await AnalyzeAsync(new LanguageLookUpTransform(), "tfx_incremental_subquery");

        Assert.Null(shape);
        Assert.NotNull(reason);
    }

    private async Task<(IncrementalShape? Shape, string? Reason)> AnalyzeAsync(Transform<FilmLanguageInput, CleanFilm> transform, string name)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, name, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var composed = ComposedTransform<FilmLanguageInput, CleanFilm>.Compose(transform.Name, transform.Define(new DbContextSources(bronze), s_context));
        return IncrementalShape.Analyze(composed, TargetTable.For(silver, typeof(CleanFilm)));
    }

    /// <summary>Films with a title and their language looked up; with <c>stampRunTime</c> the map also captures the run time.</summary>
    private sealed class FilmWithLanguageTransform(bool stampRunTime) : Transform<FilmLanguageInput, CleanFilm>
    {
        public override TransformDefinition<FilmLanguageInput, CleanFilm> Define(ITransformSources sources, TransformContext context)
        {
            var runDay = context.RunTimeUtc.Day;
            var rows =
                from f in sources.Set<RawFilm>()
                where f.Title != null
                from l in sources.Set<RawLanguage>().LookUp(l => l.LanguageId == f.LanguageId)
                select new FilmLanguageInput { FilmId = f.FilmId, Title = f.Title, LanguageId = f.LanguageId, Language = l!.Name };
            Expression<Func<FilmLanguageInput, CleanFilm>> plain = x => new CleanFilm
            {
                FilmId = x.FilmId, Title = x.Title!, TitleKey = x.Language!, TitleUpper = x.Language!, TitleLength = 0,
                LanguageId = x.LanguageId!.Value, IsActive = true, BatchId = 1,
            };
            Expression<Func<FilmLanguageInput, CleanFilm>> stamped = x => new CleanFilm
            {
                FilmId = x.FilmId, Title = x.Title!, TitleKey = x.Language!, TitleUpper = x.Language!, TitleLength = runDay,
                LanguageId = x.LanguageId!.Value, IsActive = true, BatchId = 1,
            };
            return From(rows)
                .Rule("unknown_language", x => x.Language != null, "The film's language is not in the language table.")
                .KeyedBy(x => x.FilmId)
                .Select(stampRunTime ? stamped : plain);
        }
    }
}
