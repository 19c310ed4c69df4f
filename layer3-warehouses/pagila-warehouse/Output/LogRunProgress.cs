using DataPlatform.Warehouses.Pagila.Running;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Warehouses.Pagila.Output;

/// <summary>Progress as plain log lines on stderr, one when a table step starts and one when it ends (redirected output, CI, --no-progress).</summary>
internal sealed class LogRunProgress(ILogger logger) : IRunProgress
{
    public void Phase(string description) => Log.Phase(logger, description);

    public ITableProgress BeginTable(string layer, string table)
    {
        Log.TableStarted(logger, layer, table);
        return new TableProgress(logger, layer, table);
    }

    private sealed class TableProgress(ILogger logger, string layer, string table) : ITableProgress
    {
        public void Complete(StepResult result) =>
            Log.TableCompleted(logger, layer, table, result.RowsRead, result.RowsWritten, result.RowsQuarantined, result.Elapsed.TotalSeconds);
    }
}
