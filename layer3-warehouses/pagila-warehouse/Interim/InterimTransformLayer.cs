using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Warehouses.Pagila.Interim;

/// <summary>
/// Interim: silver or gold through today's <c>Pagila*Transforms.RunAsync</c> (one transaction for the layer), its
/// tables reported from the ledger once committed, until the framework's transform layers replace it.
/// </summary>
internal sealed class InterimTransformLayer(
    string name, Type contextType, IReadOnlyList<string> tables, Func<PipelineLayerRun, CancellationToken, Task> transform) : PipelineLayer(name)
{
    public override IReadOnlyList<Type> ContextTypes => [contextType];

    public override async Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        run.Progress.Phase($"{Name}: {tables.Count} tables in one transaction");
        await transform(run, cancellationToken);
        var results = (await run.Ledger.GetBatchTablesAsync(run.BatchId, cancellationToken))
            .Where(t => t.Layer == Name)
            .Select(t => new TableResult(Name, t.TableName[(t.TableName.IndexOf('.', StringComparison.Ordinal) + 1)..], t.RowsRead, t.RowsWritten, t.RowsQuarantined, t.FinishedAt - t.StartedAt))
            .OrderBy(t => tables.Contains(t.Table) ? tables.ToList().IndexOf(t.Table) : int.MaxValue)
            .ThenBy(t => t.Table, StringComparer.Ordinal)
            .ToList();
        foreach (var result in results)
        {
            run.Progress.TableCompleted(result);
        }

        return results;
    }
}
