using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>Deletes the target rows whose key the transform no longer produces (a step of its own when it must wait for later steps).</summary>
internal sealed class RemoveMissingStep<TSource, TTarget>(Transform<TSource, TTarget> transform) : LayerStep
    where TSource : class
    where TTarget : class
{
    public override Type TargetType => typeof(TTarget);

    public override bool DeletesRows => true;

    public override async Task<StepOutcome> RunAsync(LayerExecution execution, CancellationToken cancellationToken)
    {
        var deleted = await execution.Runner.RemoveMissingAsync(transform, execution.Read, execution.Target, execution.Context, null, cancellationToken)
            .ConfigureAwait(false);
        return new StepOutcome(0, 0, 0) { Deleted = deleted };
    }

    public override StepOutcome RunInMemory(InMemoryLayerState state, TargetTable table, TransformContext context)
    {
        var result = TransformRunner.RunInMemory(transform, state.Sources, context);
        var deleted = state.RemoveMissing(result.Rows, RowKeys.Of<TTarget>(table.ResolveKey(null).Select(c => c.Property)));
        return new StepOutcome(0, 0, 0) { Deleted = deleted };
    }
}
