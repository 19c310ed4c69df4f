using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Tests.Transforms;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Pipelines;

/// <summary>
/// A step's table is analyzed when the step inserted or deleted at least a tenth of the rows its statistics counted (or it
/// was never analyzed); rows updated in place leave the statistics as they were. A layer's inputs are analyzed before its
/// steps when they have no statistics or grew by a tenth of their pages.
/// </summary>
public sealed class StepStatisticsTests(PostgresServer server)
{
    private const string AnalyzedRows = "SELECT reltuples::bigint FROM pg_class WHERE oid = 'gl__tfx.film_title'::regclass";

    [Fact]
    public async Task A_step_is_analyzed_after_a_first_load_and_growth_of_a_tenth_but_not_after_updates_or_small_growth()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "step_statistics", ct);
        await db.SeedAsync(
            Enumerable.Range(1, 100).Select(i => new RawFilm { FilmId = i, BatchId = 1, Title = $"Film {i}", LanguageId = 1 }),
            [new RawLanguage { LanguageId = 1, Name = "English" }],
            ct);
        var pipeline = new PipelineDefinition(
            "tfx",
            TransformLayer.For<TfxGoldContext>("gold").ReadsFrom<TfxBronzeContext>().Upsert(new FilmTitleTransform()).Scd2(new DimFilmTransform()));
        var request = new PipelineRunRequest(db.Database.DataSource, db.Database.DataSource);

        await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct);
        Assert.Equal(100L, await db.Database.ScalarAsync<long>(AnalyzedRows, ct));
        // Only the runs may analyze it.
        await db.Database.ExecuteAsync("ALTER TABLE gl__tfx.film_title SET (autovacuum_enabled = false)", ct);

        await db.Database.ExecuteAsync(
            """
            UPDATE br__tfx__src.raw_film SET title = title || ' (restored)' WHERE film_id <= 60;
            INSERT INTO br__tfx__src.raw_film (film_id, batch_id, title, language_id) SELECT i, 2, 'Film ' || i, 1 FROM generate_series(101, 109) AS i;
            """,
            ct);
        var updated = await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct);
        Assert.Equal((9L, 60L), (updated.Tables[0].RowsInserted, updated.Tables[0].RowsUpdated));
        Assert.Equal(100L, await db.Database.ScalarAsync<long>(AnalyzedRows, ct));

        await AddFilmsAsync(db, 3, 110, 119, ct);
        await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct);
        Assert.Equal(119L, await db.Database.ScalarAsync<long>(AnalyzedRows, ct));
    }

    [Fact]
    public async Task A_layer_analyzes_an_input_without_statistics_or_grown_by_a_tenth_but_not_one_grown_by_less()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "input_statistics", ct);
        // Only the runs may analyze it.
        await db.Database.ExecuteAsync("ALTER TABLE br__tfx__src.raw_film SET (autovacuum_enabled = false)", ct);
        await db.SeedAsync(
            Enumerable.Range(1, 2000).Select(i => new RawFilm { FilmId = i, BatchId = 1, Title = $"Film {i}", LanguageId = 1 }),
            [new RawLanguage { LanguageId = 1, Name = "English" }],
            ct);
        var pipeline = new PipelineDefinition(
            "tfx", TransformLayer.For<TfxGoldContext>("gold").ReadsFrom<TfxBronzeContext>().Upsert(new FilmTitleTransform()));
        var request = new PipelineRunRequest(db.Database.DataSource, db.Database.DataSource);
        const string InputRows = "SELECT reltuples::bigint FROM pg_class WHERE oid = 'br__tfx__src.raw_film'::regclass";

        await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct);
        Assert.Equal(2000L, await db.Database.ScalarAsync<long>(InputRows, ct));

        await AddFilmsAsync(db, 2, 2001, 2010, ct);
        var small = await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct);
        Assert.Equal(10L, small.Tables[0].RowsInserted);
        Assert.Equal(2000L, await db.Database.ScalarAsync<long>(InputRows, ct));

        await AddFilmsAsync(db, 3, 2011, 3010, ct);
        await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct);
        Assert.Equal(3010L, await db.Database.ScalarAsync<long>(InputRows, ct));
    }

    private static Task AddFilmsAsync(TfxDatabase db, int batch, int first, int last, CancellationToken ct) =>
        db.Database.ExecuteAsync(
            $"INSERT INTO br__tfx__src.raw_film (film_id, batch_id, title, language_id) SELECT i, {batch}, 'Film ' || i, 1 FROM generate_series({first}, {last}) AS i",
            ct);
}
