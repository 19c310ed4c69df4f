using System.Diagnostics;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// The in-memory path compiles a transform once per run: nested sub-queries (the LatestPerKey self-join, a rule's
/// <c>set.Any(...)</c>) must not be re-compiled for every row (they once cost about 25 ms a row).
/// </summary>
public sealed class InMemoryPerformanceTests
{
    private static readonly TransformContext s_context = new(7, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Thousands_of_rows_with_nested_sub_queries_run_in_well_under_a_few_seconds()
    {
        // Two batches over the same keys: LatestPerKey keeps the second batch's row of every key.
        var rows = AwkwardRows.Generate(2_750, seed: 42, batchId: 1).Concat(AwkwardRows.Generate(2_750, seed: 43, batchId: 2)).ToList();
        var watch = Stopwatch.StartNew();
        var result = TransformRunner.RunInMemory(new CleanFilmTransform(), new InMemorySources().Add(rows).Add(AwkwardRows.Languages), s_context);
        watch.Stop();

        var latest = rows.Where(r => r.BatchId == 2).ToList();
        Assert.Equal(latest.Count, result.RowsRead);
        Assert.Equal(latest.Count, result.Rows.Count + result.Quarantined.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"5,500 rows took {watch.Elapsed.TotalMilliseconds:F0} ms in memory.");
    }
}
