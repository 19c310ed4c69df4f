
namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// Progress events of a pipeline run. Hosts turn them into a live display or throttled log lines; implementations must be
/// thread-safe (bronze tables run in parallel).
/// </summary>
public interface IPipelineProgress
{
    /// <summary>A phase that is not a table step starts (deploying, generating a source, a layer's statistics, ...).</summary>
    void Phase(string description);

    /// <summary>A table step starts.</summary>
    void TableStarted(string layer, string table);

    /// <summary>A table step finished (for layers that commit as one transaction: once the transaction committed).</summary>
    void TableCompleted(TableResult result);
}
