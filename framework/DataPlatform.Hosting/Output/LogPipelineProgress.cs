using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting.Output;

/// <summary>
/// Progress as plain log lines on stderr (redirected output, CI, --no-progress): every phase and every finished table,
/// but "started" lines at most one per <see cref="StartedInterval"/>, so parallel or many small steps do not flood the log.
/// </summary>
internal sealed class LogPipelineProgress(ILogger logger, TimeProvider time) : IPipelineProgress
{
    public static readonly TimeSpan StartedInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private DateTimeOffset _lastStarted = DateTimeOffset.MinValue;

    public void Phase(string description) => Log.Phase(logger, description);

    public void TableStarted(string layer, string table)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _lastStarted < StartedInterval)
            {
                return;
            }

            _lastStarted = now;
        }

        Log.TableStarted(logger, layer, table);
    }

    public void TableCompleted(TableResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Log.TableCompleted(logger, result.Layer, result.Table, result.RowsRead, result.RowsWritten, result.RowsUnchanged, result.RowsQuarantined, result.Elapsed.TotalSeconds);
    }
}
