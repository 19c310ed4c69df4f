using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Tests.Transforms;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Pipelines;

/// <summary>
/// An incremental upsert run whose target key is its input root's identity finds the keys a root change affects from the
/// root's changed rows alone, and still leaves exactly what a full run leaves: a changed row whose output changed is
/// updated, one that now fails the inner join, the filter or a rule leaves the target, one rewritten with equal values
/// stays as it is, a new one is inserted, and a renamed language (a joined table) updates its films.
/// </summary>
public sealed class IncrementalRunTests(PostgresServer server)
{
    private const string TargetRows =
        "SELECT string_agg(row_id || ':' || title || ':' || language, '|' ORDER BY row_id) FROM gl__tfx.film_title";

    private const string ExpectedRows = """
        SELECT string_agg(f.row_id || ':' || f.title || ':' || l.name, '|' ORDER BY f.row_id)
        FROM br__tfx__src.raw_film AS f JOIN br__tfx__src.raw_language AS l ON l.language_id = f.language_id
        WHERE f.title IS NOT NULL AND l.name IS NOT NULL
        """;

    [Fact]
    public async Task An_incremental_run_after_root_rows_changed_leaves_exactly_the_rows_of_a_full_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "incremental_root", ct);
        await db.SeedAsync(
            Enumerable.Range(1, 30).Select(i => new RawFilm { FilmId = i, BatchId = 1, Title = $"Film {i}", LanguageId = i is >= 10 and <= 12 ? 2 : 1 }),
            [new RawLanguage { LanguageId = 1, Name = "English" }, new RawLanguage { LanguageId = 2, Name = "French" }, new RawLanguage { LanguageId = 3 }],
            ct);
        var pipeline = new PipelineDefinition(
            "tfx", TransformLayer.For<TfxGoldContext>("gold").ReadsFrom<TfxBronzeContext>().Upsert(new FilmTitleTransform(), removeMissing: true));
        var request = new PipelineRunRequest(db.Database.DataSource, db.Database.DataSource);
        var first = (await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct)).Tables.Single();
        var unchangedVersion = await db.Database.ScalarAsync<string>(
            "SELECT t.xmin::text FROM gl__tfx.film_title AS t JOIN br__tfx__src.raw_film AS f USING (row_id) WHERE f.film_id = 4", ct);

        await db.Database.ExecuteAsync("""
            UPDATE br__tfx__src.raw_film SET title = 'Retitled' WHERE film_id = 1;
            UPDATE br__tfx__src.raw_film SET language_id = 99 WHERE film_id = 2;
            UPDATE br__tfx__src.raw_film SET title = NULL WHERE film_id = 3;
            UPDATE br__tfx__src.raw_film SET title = title WHERE film_id = 4;
            UPDATE br__tfx__src.raw_film SET language_id = 3 WHERE film_id = 5;
            UPDATE br__tfx__src.raw_language SET name = 'Français' WHERE language_id = 2;
            INSERT INTO br__tfx__src.raw_film (film_id, batch_id, title, language_id) VALUES (31, 2, 'Film 31', 1);
            """, ct);
        var incremental = (await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct)).Tables.Single();
        var afterIncremental = await db.Database.ScalarAsync<string>(TargetRows, ct);
        var expected = await db.Database.ScalarAsync<string>(ExpectedRows, ct);
        var unchangedVersionAfter = await db.Database.ScalarAsync<string>(
            "SELECT t.xmin::text FROM gl__tfx.film_title AS t JOIN br__tfx__src.raw_film AS f USING (row_id) WHERE f.film_id = 4", ct);

        await db.Database.ExecuteAsync("UPDATE dataplatform.batch_table SET watermark_after = NULL", ct);
        var full = (await new PipelineRunner(pipeline).RunAsync(request, cancellationToken: ct)).Tables.Single();

        Assert.Equal((30L, 30L), (first.RowsRead, first.RowsInserted));
        // Films 1, 4, 5, 10-12 and 31 are read, 5 is quarantined; 2, 3 and 5 leave; 4 is left as it is. The change horizon is
        // the cluster's oldest open transaction: when another test's transaction was open during the first run, the seeded
        // rows count as changed too and the run reads (and leaves unchanged) more rows; what it writes is exact either way.
        Assert.Equal(
            (1L, 4L, 3L, 1L),
            (incremental.RowsInserted, incremental.RowsUpdated, incremental.RowsDeleted, incremental.RowsQuarantined));
        Assert.Equal(6L, incremental.RowsRead - incremental.RowsUnchanged);
        Assert.InRange(incremental.RowsRead, 7L, 29L);
        Assert.Equal(expected, afterIncremental);
        Assert.Equal(unchangedVersion, unchangedVersionAfter);
        Assert.Equal((29L, 0L, 0L, 0L), (full.RowsRead, full.RowsInserted, full.RowsUpdated, full.RowsDeleted));
        Assert.Equal(afterIncremental, await db.Database.ScalarAsync<string>(TargetRows, ct));
    }
}
