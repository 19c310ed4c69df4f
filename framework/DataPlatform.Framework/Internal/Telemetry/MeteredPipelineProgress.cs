using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Framework.Internal.Telemetry;

/// <summary>
/// Passes a run's progress on and records each completed table in the metrics. Every layer reports a table completed once
/// its ledger row committed, so this is the one place where metrics see exactly the ledger's figures, whatever the layer.
/// </summary>
internal sealed class MeteredPipelineProgress(IPipelineProgress inner, string pipeline) : IPipelineProgress
{
    public void Phase(string description) => inner.Phase(description);

    public void TableStarted(string layer, string table) => inner.TableStarted(layer, table);

    public void TableCompleted(TableResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        PipelineTelemetry.TableCompleted(pipeline, result);
        inner.TableCompleted(result);
    }
}
