using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>The SCD type 2 merge driven by the dimension's model.</summary>
public sealed class Scd2MergeTests(PostgresServer server)
{
    private static readonly DateTime s_day1 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_day2 = new(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_day3 = new(2024, 1, 3, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_new_version_starts_after_the_one_it_closes_even_when_the_clock_went_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_scd2_clock", ct);
        await db.SeedAsync([new() { FilmId = 1, BatchId = 1, Title = "One", Rating = "G" }], [], ct);
        await using var bronze = db.Bronze();
        await using var gold = db.Gold();
        var runner = new TransformRunner();
        await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(1, s_day1), cancellationToken: ct);
        await db.SeedAsync([new() { FilmId = 1, BatchId = 2, Title = "One", Rating = "PG" }], [], ct);
        await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(2, s_day3), cancellationToken: ct);

        // The host clock went back two days; the next change must still start after day 3.
        await db.SeedAsync([new() { FilmId = 1, BatchId = 3, Title = "One", Rating = "R" }], [], ct);
        await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(3, s_day1), cancellationToken: ct);

        var versions = await gold.Films.AsNoTracking().OrderBy(f => f.ValidFrom).ToListAsync(ct);
        Assert.Equal(["G", "PG", "R"], versions.Select(v => v.Rating));
        Assert.Equal(s_day3, versions[1].ValidFrom);
        Assert.True(versions[2].ValidFrom > versions[1].ValidFrom, $"{versions[2].ValidFrom:O} is not after {versions[1].ValidFrom:O}");
        Assert.Equal(versions[2].ValidFrom, versions[1].ValidTo);
        Assert.All(versions.Where(v => v.ValidTo is not null), v => Assert.True(v.ValidTo > v.ValidFrom));
    }

    [Fact]
    public async Task Change_rerun_delete_and_return_produce_the_right_versions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_scd2", ct);
        await db.SeedAsync(
            [new() { FilmId = 1, BatchId = 1, Title = "One", Rating = "G" }, new() { FilmId = 2, BatchId = 1, Title = "Two", Rating = "PG" },
             new() { FilmId = 3, BatchId = 1, Title = "Three", Rating = "R" }],
            [],
            ct);
        await using var bronze = db.Bronze();
        await using var gold = db.Gold();
        var runner = new TransformRunner();

        var first = await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(1, s_day1), cancellationToken: ct);
        Assert.Equal((3L, 3L, 0L, 0L, 0L), (first.RowsRead, first.FirstVersions, first.NewVersions, first.Closed, first.Unchanged));
        Assert.All(await gold.Films.AsNoTracking().ToListAsync(ct), f =>
        {
            Assert.True(f.IsCurrent);
            Assert.Null(f.ValidTo);
            Assert.Equal(Scd2Options.BeginningOfTime, f.ValidFrom);
        });

        // A change to a tracked column of film 2 closes its version and opens a new one.
        await db.SeedAsync([new() { FilmId = 2, BatchId = 2, Title = "Two", Rating = "PG-13" }], [], ct);
        var changed = await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(2, s_day2), cancellationToken: ct);
        Assert.Equal((0L, 1L, 0L, 2L), (changed.FirstVersions, changed.NewVersions, changed.Closed, changed.Unchanged));
        var film2 = await gold.Films.AsNoTracking().Where(f => f.FilmId == 2).OrderBy(f => f.ValidFrom).ToListAsync(ct);
        Assert.Equal(2, film2.Count);
        Assert.Equal((false, s_day2, "PG"), (film2[0].IsCurrent, film2[0].ValidTo!.Value, film2[0].Rating));
        Assert.Equal((true, s_day2, (DateTime?)null, "PG-13"), (film2[1].IsCurrent, film2[1].ValidFrom, film2[1].ValidTo, film2[1].Rating));

        // An unchanged rerun changes nothing.
        var rerun = await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(3, s_day3), cancellationToken: ct);
        Assert.Equal((0L, 0L, 0L, 3L), (rerun.FirstVersions, rerun.NewVersions, rerun.Closed, rerun.Unchanged));
        Assert.Equal(4, await gold.Films.CountAsync(ct));

        // A source delete closes the current version without a successor.
        await db.Database.ExecuteAsync("DELETE FROM br__tfx__src.raw_film WHERE film_id = 3", ct);
        var deleted = await runner.MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(4, s_day3), cancellationToken: ct);
        Assert.Equal((0L, 0L, 1L, 2L), (deleted.FirstVersions, deleted.NewVersions, deleted.Closed, deleted.Unchanged));
        var film3 = await gold.Films.AsNoTracking().SingleAsync(f => f.FilmId == 3, ct);
        Assert.Equal((false, s_day3), (film3.IsCurrent, film3.ValidTo!.Value));

        // Exactly one current row per live key, none for the deleted one.
        Assert.Equal("1:1|2:1", await db.Database.ScalarAsync<string>(
            "SELECT string_agg(film_id || ':' || n, '|' ORDER BY film_id) FROM (SELECT film_id, count(*) n FROM gl__tfx.dim_film WHERE is_current GROUP BY film_id) c",
            ct));

        // The partial unique index the model declares rejects a second current row.
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteAsync(
            "INSERT INTO gl__tfx.dim_film (film_id, title, valid_from, is_current) VALUES (1, 'dup', now(), true)", ct));
    }

    [Fact]
    public async Task A_first_merge_into_a_dimension_analyzed_as_empty_does_not_rescan_the_rows_it_inserts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_scd2_empty", ct);
        const int Films = 3000;
        await db.SeedAsync(
            Enumerable.Range(1, Films).Select(i => new RawFilm { FilmId = i, BatchId = 1, Title = $"Film {i}", Rating = "G" }), [], ct);
        await db.Database.ExecuteAsync("ANALYZE gl__tfx.dim_film", ct);

        // The merge's session ends with its connection; the server publishes a session's table statistics when it ends.
        await using (var bronze = db.UnpooledBronze())
        await using (var gold = db.Gold())
        {
            var merged = await new TransformRunner().MergeScd2Async(new DimFilmTransform(), bronze, gold, new TransformContext(1, s_day1), cancellationToken: ct);
            Assert.Equal(Films, merged.FirstVersions);
        }

        var heapPagesRead = 0L;
        for (var attempt = 0; attempt < 300 && heapPagesRead == 0; attempt++)
        {
            heapPagesRead = await db.Database.ScalarAsync<long>(
                $"SELECT CASE WHEN n_tup_ins >= {Films} THEN heap_blks_hit + heap_blks_read ELSE 0 END FROM pg_statio_user_tables JOIN pg_stat_user_tables USING (relid) WHERE relid = 'gl__tfx.dim_film'::regclass",
                ct);
            if (heapPagesRead == 0)
            {
                await Task.Delay(100, ct);
            }
        }

        // Inserting touches about one page per row. Probing the dimension per inserted row, as the plan for a table analyzed
        // as empty did, reads every page added so far for each row: tens of thousands of pages here, quadratic in the rows.
        Assert.True(heapPagesRead > 0, "The merge session's table statistics did not arrive within 30 s.");
        Assert.InRange(heapPagesRead, 1, 2 * Films);
        Assert.Equal(Films, await db.Database.ScalarAsync<long>("SELECT count(*) FROM gl__tfx.dim_film WHERE is_current AND valid_from = '1900-01-01T00:00:00Z'", ct));
    }
}
