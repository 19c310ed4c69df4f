using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.TestDatakit;

namespace DataPlatform.Hosting.Tests;

/// <summary>A silver layer over the test datakit: records one table in the ledger, or waits for cancellation when told to.</summary>
internal sealed class TestkitLayer(long quarantined = 0, TaskCompletionSource? started = null, long unchanged = 0) : PipelineLayer("silver")
{
    public override IReadOnlyList<Type> ContextTypes => [typeof(TestkitContext)];

    public override async Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        if (started is not null)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        run.Progress.TableStarted(Name, "country");
        var begun = DateTime.UtcNow;
        await using (var connection = await run.Warehouse.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await run.Ledger.RecordTableAsync(
                run.BatchId,
                new BatchTableEntry
                {
                    Layer = Name, TableName = "sl__testkit.country", RowsRead = 3, RowsQuarantined = quarantined, RowsUnchanged = unchanged, StartedAt = begun, FinishedAt = DateTime.UtcNow,
                },
                connection,
                transaction,
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var result = new TableResult(Name, "country", 3 + quarantined, 3, quarantined, DateTime.UtcNow - begun) { RowsUnchanged = unchanged };
        run.Progress.TableCompleted(result);
        return [result];
    }
}
