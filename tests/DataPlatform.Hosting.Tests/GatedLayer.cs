using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.TestDatakit;

namespace DataPlatform.Hosting.Tests;

/// <summary>A layer that waits for the test before it writes, checks its locks and commits, like a real layer's commit.</summary>
internal sealed class GatedLayer(TaskCompletionSource started, Task release) : PipelineLayer("silver")
{
    public override IReadOnlyList<Type> ContextTypes => [typeof(TestkitContext)];

    public override async Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        started.TrySetResult();
        await release.WaitAsync(cancellationToken);
        var begun = DateTime.UtcNow;
        await using var connection = await run.Warehouse.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await run.Ledger.RecordTableAsync(
            run.BatchId,
            new BatchTableEntry { Layer = Name, TableName = "sl__testkit.country", RowsRead = 1, StartedAt = begun, FinishedAt = DateTime.UtcNow },
            connection,
            transaction,
            cancellationToken);
        await run.EnsureExclusiveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [new TableResult(Name, "country", 1, 1, 0, DateTime.UtcNow - begun)];
    }
}
