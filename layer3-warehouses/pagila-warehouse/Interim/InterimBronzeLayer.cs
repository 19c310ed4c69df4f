using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Warehouses.Pagila.Interim;

/// <summary>Interim: bronze through today's <see cref="PagilaBronzeExtractor"/>, until the framework's extraction layer replaces it.</summary>
internal sealed class InterimBronzeLayer() : PipelineLayer("bronze")
{
    public override IReadOnlyList<Type> ContextTypes => [typeof(PagilaBronzeContext)];

    public override async Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        var extractor = new PagilaBronzeExtractor(run.Source, run.Warehouse, run.LoggerFactory);
        var results = new Dictionary<string, TableResult>(StringComparer.Ordinal);

        // One extractor call per table (largest first, two at a time) so each table reports on its own.
        await Parallel.ForEachAsync(
            PagilaTables.All.OrderByDescending(t => PagilaTables.RealRowCounts[t]),
            new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
            async (table, token) =>
            {
                run.Progress.TableStarted(Name, table);
                var options = new PagilaBronzeOptions { FullRefresh = run.FullRefresh, Tables = [table], MaxDegreeOfParallelism = 1 };
                var t = (await extractor.ExtractAsync(run.BatchId, options, token)).Tables.Single();
                var result = new TableResult(Name, table, t.RowsRead, t.RowsWritten, 0, t.Elapsed)
                {
                    RowsInserted = t.RowsWritten - t.RowsDeleted, RowsDeleted = t.RowsDeleted, RowsUnchanged = t.RowsUnchanged,
                    CursorBefore = t.CursorBefore, CursorAfter = t.CursorAfter,
                };
                run.Progress.TableCompleted(result);
                lock (results)
                {
                    results[table] = result;
                }
            });
        return PagilaTables.All.Where(results.ContainsKey).Select(t => results[t]).ToList();
    }
}
