using System.Linq.Expressions;
using DataPlatform.Framework.Internal.Pipelines;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// Which transforms an upsert step may run incrementally: an input of tables, filters, lookups and joins is, with each
/// table's match judged stable only on its identity; a transform that captures a run-time value (its output can change
/// with no input changing) or whose input runs a sub-query is not, and recomputes every key. The keys a change of the
/// root can affect, when the target key is the root's identity, are the changed root rows' own keys: no join is read.
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

    [Fact]
    public async Task The_variant_of_a_root_whose_identity_is_the_target_key_reads_the_roots_changed_rows_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_incremental_root", ct);
        await using var bronze = db.Bronze();
        await using var gold = db.Gold();
        var transform = new FilmTitleTransform();
        var composed = ComposedTransform<FilmTitleInput, FilmTitle>.Compose(transform.Name, transform.Define(new DbContextSources(bronze), s_context));
        var (shape, reason) = IncrementalShape.Analyze(composed, TargetTable.For(gold, typeof(FilmTitle)));
        var model = new ReadModel([typeof(TfxBronzeContext), typeof(TfxGoldContext)], null, rowVersions: true);
        await using var changes = LayerReadContext.Create(model, b => b.UseNpgsql(db.Database.ConnectionString));
        var horizon = new ChangeHorizon(10, 3);

        var root = shape!.Variant(changes, 0, horizon).ToQueryString();
        var language = shape.Variant(changes, 1, horizon).ToQueryString();

        Assert.Null(reason);
        Assert.Equal(
            [(nameof(RawFilm), true, true), (nameof(RawLanguage), true, false)],
            shape.Leaves.Select(l => (l.EntityType.ClrType.Name, l.StableLink, l.IsRoot)));
        Assert.Contains("raw_film", root, StringComparison.Ordinal);
        Assert.Contains("age(", root, StringComparison.Ordinal);
        Assert.DoesNotContain("JOIN", root, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("raw_language", root, StringComparison.Ordinal);
        Assert.DoesNotContain("title", root, StringComparison.Ordinal);
        Assert.Contains("JOIN", language, StringComparison.OrdinalIgnoreCase);
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
