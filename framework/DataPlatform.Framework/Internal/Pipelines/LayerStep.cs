using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>One step of a transform layer: runs a transform into its target table in the server or in memory.</summary>
internal abstract class LayerStep
{
    /// <summary>The target entity type.</summary>
    public abstract Type TargetType { get; }

    /// <summary>Whether the step deletes rows of its target (not soft deletes: rows gone for good).</summary>
    public virtual bool DeletesRows => false;

    public abstract Task<StepOutcome> RunAsync(LayerExecution execution, CancellationToken cancellationToken);

    public abstract StepOutcome RunInMemory(InMemoryLayerState state, TargetTable table, TransformContext context);
}
