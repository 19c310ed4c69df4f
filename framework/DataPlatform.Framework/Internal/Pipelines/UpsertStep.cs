using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>Upserts what a transform produces into its target; with <paramref name="removeMissing"/> the target mirrors it.</summary>
internal sealed class UpsertStep<TSource, TTarget>(Transform<TSource, TTarget> transform, bool removeMissing) : LayerStep
    where TSource : class
    where TTarget : class
{
    public override Type TargetType => typeof(TTarget);

    public override bool DeletesRows => removeMissing;

    public override async Task<StepOutcome> RunAsync(LayerExecution execution, CancellationToken cancellationToken)
    {
        var plan = await IncrementalPlanner.PlanAsync(transform, execution, cancellationToken).ConfigureAwait(false);
        var options = new TransformRunOptions { RemoveMissing = removeMissing, RowFilter = plan.RowFilter, Keys = plan.Keys };
        var result = await execution.Runner.RunAsync(transform, execution.Read, execution.Target, execution.Context, options, cancellationToken)
            .ConfigureAwait(false);
        return new StepOutcome(result.RowsRead, result.RowsWritten, result.RowsQuarantined)
        {
            Inserted = result.RowsInserted,
            Updated = result.RowsUpdated,
            Deleted = result.RowsDeleted,
            Unchanged = result.RowsUnchanged,
            WatermarkAfter = await IncrementalPlanner.WatermarkAfterAsync(plan, execution, typeof(TTarget), cancellationToken).ConfigureAwait(false),
        };
    }

    public override StepOutcome RunInMemory(InMemoryLayerState state, TargetTable table, TransformContext context)
    {
        var result = TransformRunner.RunInMemory(transform, state.Sources, context);
        var key = RowKeys.Of<TTarget>(table.ResolveKey(null).Select(c => c.Property));
        var deleted = removeMissing ? state.RemoveMissing(result.Rows, key) : 0;
        state.Merge(result.Rows, key);
        state.Quarantine(transform.Name, result.Quarantined.Select(q => (q.Key, q.Rule)));
        return new StepOutcome(result.RowsRead, result.Rows.Count, result.Quarantined.Count) { Deleted = deleted };
    }
}
