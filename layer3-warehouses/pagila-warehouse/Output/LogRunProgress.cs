using System.Diagnostics;
using DataPlatform.Warehouses.Pagila.Running;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Warehouses.Pagila.Output;

/// <summary>Progress as plain log lines on stderr, throttled to one line per table every two seconds (redirected output, CI, --no-progress).</summary>
internal sealed class LogRunProgress(ILogger logger) : IRunProgress
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(2);

    public void Phase(string description) => Log.Phase(logger, description);

    public ITableProgress BeginTable(string layer, string table)
    {
        Log.TableStarted(logger, layer, table);
        return new TableProgress(logger, layer, table);
    }

    private sealed class TableProgress(ILogger logger, string layer, string table) : ITableProgress
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private readonly Lock _gate = new();
        private TimeSpan _lastLine;

        public void Report(long value)
        {
            lock (_gate)
            {
                var now = _stopwatch.Elapsed;
                if (now - _lastLine < s_interval)
                {
                    return;
                }

                _lastLine = now;
            }

            Log.TableProgress(logger, layer, table, value, value / Math.Max(_stopwatch.Elapsed.TotalSeconds, 0.001));
        }

        public void Complete(StepResult result) =>
            Log.TableCompleted(logger, layer, table, result.RowsRead, result.RowsWritten, result.RowsQuarantined, result.Elapsed.TotalSeconds);
    }
}
