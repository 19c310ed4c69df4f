using DataPlatform.Framework.Extraction;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Tests.Extraction;
using DataPlatform.Framework.Tests.Transforms;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Ledger;

/// <summary>
/// The ledger's counts are what the statements measured: bronze records the rows it skipped as unchanged, and a table whose
/// rows read are not all written or quarantined fails its batch instead of being recorded with figures taken as the rest.
/// </summary>
public sealed class LedgerCountsTests(PostgresServer server)
{
    [Fact]
    public async Task A_bronze_full_refresh_and_a_snapshot_over_an_unchanged_source_record_every_row_read_as_unchanged_and_none_written()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "ledger_unchanged", ct);
        var layer = new BronzeLayer<ExtractionBronzeContext>()
            .Table<Tag>(ExtractionPolicy.Cursor("last_update", TimeSpan.FromMinutes(5)))
            .Table<Setting>(ExtractionPolicy.Snapshot());
        await db.SourceAsync("""
            INSERT INTO src.tag VALUES ('a', 'A', now() - interval '1 day'), ('b', 'B', now() - interval '2 days'), ('c', NULL, now() - interval '3 days');
            INSERT INTO src.setting VALUES ('x', '1', 's'), ('y', NULL, 's')
            """);
        var (first, _) = await db.RunAsync(layer);
        var (refresh, _) = await db.RunAsync(layer, fullRefresh: true);

        Assert.Equal("tag:3/3/0|setting:2/2/0", await LedgerAsync(db, first, ct));
        Assert.Equal("tag:3/0/3|setting:2/0/2", await LedgerAsync(db, refresh, ct));
        Assert.Equal(5L, (await new BatchLedger(db.Warehouse.DataSource).GetBatchTablesAsync(refresh, ct)).Sum(t => t.RowsUnchanged));
    }

    [Fact]
    public async Task An_existing_ledger_gets_rows_unchanged_in_place_and_keeps_its_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("ledger_upgrade", ct);
        await using var ledger = new BatchLedger(db.DataSource);
        await ledger.EnsureSchemaAsync(ct);

        // A ledger as it was before the column, with a batch in it.
        await db.ExecuteAsync("""
            ALTER TABLE dataplatform.batch_table DROP COLUMN rows_unchanged;
            INSERT INTO dataplatform.batch (pipeline, status) VALUES ('old', 'succeeded');
            INSERT INTO dataplatform.batch_table (batch_id, layer, table_name, rows_read, rows_written, rows_quarantined, started_at, finished_at, seconds)
            SELECT batch_id, 'bronze', 'br__old.t', 7, 7, 0, now(), now(), 0 FROM dataplatform.batch
            """, ct);

        await ledger.EnsureSchemaAsync(ct);

        Assert.Equal("7/7/0", await db.ScalarAsync<string>("SELECT rows_read || '/' || rows_written || '/' || rows_unchanged FROM dataplatform.batch_table", ct));
        Assert.Equal("NO|0", await db.ScalarAsync<string>(
            "SELECT is_nullable || '|' || column_default FROM information_schema.columns WHERE table_schema = 'dataplatform' AND table_name = 'batch_table' AND column_name = 'rows_unchanged'", ct));
    }

    [Fact]
    public async Task Two_input_rows_with_one_key_fail_the_batch_naming_batch_table_and_key_and_write_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "ledger_collapsed", ct);

        // Film 1 has two bronze versions in the same language: two input rows with one key of film_language.
        await db.SeedAsync(
            [
                new RawFilm { FilmId = 1, BatchId = 1, Title = "A", LanguageId = 1 },
                new RawFilm { FilmId = 1, BatchId = 2, Title = "A2", LanguageId = 1 },
                new RawFilm { FilmId = 2, BatchId = 1, Title = "B", LanguageId = 1 },
            ],
            [new RawLanguage { LanguageId = 1, Name = "English" }],
            ct);
        var gold = TransformLayer.For<TfxGoldContext>("gold").ReadsFrom<TfxBronzeContext>().Upsert(new FilmLanguageTransform());

        var failure = await Assert.ThrowsAsync<PipelineFailedException>(() =>
            new PipelineRunner(new PipelineDefinition("tfx", gold)).RunAsync(new PipelineRunRequest(db.Database.DataSource, db.Database.DataSource), cancellationToken: ct));

        var message = failure.InnerException!.Message;
        Assert.Contains($"Batch {failure.BatchId}, table gl__tfx.film_language: transform FilmLanguageTransform has two input rows with the same key (\"film_id\", \"language_id\"", message, StringComparison.Ordinal);
        Assert.Contains("LatestPerKey", message, StringComparison.Ordinal);
        Assert.Equal("failed", await db.Database.ScalarAsync<string>($"SELECT status FROM dataplatform.batch WHERE batch_id = {failure.BatchId}", ct));
        Assert.Equal(0L, await db.Database.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch_table", ct));
        Assert.Equal(0L, await db.Database.ScalarAsync<long>("SELECT count(*) FROM gl__tfx.film_language", ct));
    }

    private static Task<string> LedgerAsync(ExtractionDatabases db, long batchId, CancellationToken ct) =>
        db.Warehouse.ScalarAsync<string>(
            $"""
            SELECT string_agg(split_part(table_name, '.', 2) || ':' || rows_read || '/' || rows_written || '/' || rows_unchanged, '|' ORDER BY rows_read DESC)
            FROM dataplatform.batch_table WHERE batch_id = {batchId}
            """,
            ct);

    /// <summary>Every raw film version's language: a film with two versions yields its key twice.</summary>
    private sealed class FilmLanguageTransform : Transform<RawFilm, FilmLanguage>
    {
        public override TransformDefinition<RawFilm, FilmLanguage> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>().Where(f => f.LanguageId != null))
                .Select(f => new FilmLanguage { FilmId = f.FilmId, LanguageId = f.LanguageId!.Value });
    }
}
