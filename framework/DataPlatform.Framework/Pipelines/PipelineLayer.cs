
namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// One layer of a warehouse pipeline (bronze, silver, gold) as a datakit declares it. The pipeline runner
/// runs the layers of a <see cref="PipelineDefinition"/> in order, inside one ledger batch; a layer moves rows, writes
/// its ledger rows in the same transactions as its data, and reports its tables through
/// <see cref="PipelineLayerRun.Progress"/>.
/// </summary>
public abstract class PipelineLayer
{
    /// <summary>Creates a layer.</summary>
    /// <param name="name">The layer name used in the ledger, the progress and the summary: <c>bronze</c>, <c>silver</c>, <c>gold</c>.</param>
    protected PipelineLayer(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The layer name: <c>bronze</c>, <c>silver</c>, <c>gold</c>.</summary>
    public string Name { get; }

    /// <summary>The datakit contexts (<see cref="Datakits.DatakitDbContext"/> types) whose schemas this layer writes; deployed and validated with the warehouse.</summary>
    public abstract IReadOnlyList<Type> ContextTypes { get; }

    /// <summary>Runs the layer for one batch; returns one result per table, in display order.</summary>
    public abstract Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken);
}
