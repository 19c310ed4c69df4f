using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// A silver table from its bronze table: the transform upserts the latest not-yet-applied bronze upsert per key
/// (<see cref="AppliedTransform{TBronze, TTarget}"/>), then source deletes become soft deletes (<see cref="SoftDeletes"/>).
/// With a ledger, both read only the bronze batches the target's <see cref="AppliedWatermark"/> has not covered yet, and the
/// step reports the new watermark for the table's ledger row.
/// </summary>
internal sealed class ApplyStep<TBronze, TTarget>(Transform<TBronze, TTarget> transform) : LayerStep
    where TBronze : class, IBronzeRecord
    where TTarget : class, IHasSourceBatch, IReferenceData
{
    private readonly AppliedTransform<TBronze, TTarget> _applied = new(transform);

    public override Type TargetType => typeof(TTarget);

    public override async Task<StepOutcome> RunAsync(LayerExecution execution, CancellationToken cancellationToken)
    {
        var table = TargetTable.For(execution.Target, typeof(TTarget));
        var (before, window) = execution.RecordsLedger
            ? await AppliedWatermark.ReadAsync(execution, table, cancellationToken).ConfigureAwait(false)
            : (null, null);
        var oneBatch = window is null && await BronzeBatches.HoldOneBatchAsync<TBronze>(execution, cancellationToken).ConfigureAwait(false);
        var applied = new AppliedTransform<TBronze, TTarget>(transform, window, oneBatch);
        var upserted = await execution.Runner.RunAsync(applied, execution.Read, execution.Target, execution.Context, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var keys = AppliedTransform<TBronze, TTarget>.KeyOf(applied.Name, transform.Define(new InMemorySources(), execution.Context));
        var deleted = await SoftDeletes.ExecuteAsync<TBronze, TTarget>(execution, keys, window, cancellationToken).ConfigureAwait(false);
        var after = execution.RecordsLedger ? await AppliedWatermark.AfterAsync(execution, table, cancellationToken).ConfigureAwait(false) : null;
        return new StepOutcome(upserted.RowsRead + deleted, upserted.RowsWritten + deleted, upserted.RowsQuarantined)
        {
            Inserted = upserted.RowsInserted,
            Updated = upserted.RowsUpdated,
            Deleted = deleted,
            Unchanged = upserted.RowsUnchanged,
            WatermarkBefore = before,
            WatermarkAfter = after?.Format(),
        };
    }

    public override StepOutcome RunInMemory(InMemoryLayerState state, TargetTable table, TransformContext context)
    {
        var result = TransformRunner.RunInMemory(_applied, state.Sources, context);
        var keys = AppliedTransform<TBronze, TTarget>.KeyOf(_applied.Name, transform.Define(state.Sources, context));
        state.Merge(result.Rows, RowKeys.Of<TTarget>(keys));
        state.Quarantine(_applied.Name, result.Quarantined.Select(q => (q.Key, q.Rule)));
        var deleted = SoftDeletes.Apply<TBronze, TTarget>(state, keys, context);
        return new StepOutcome(result.RowsRead + deleted, result.Rows.Count + deleted, result.Quarantined.Count) { Deleted = deleted };
    }
}
