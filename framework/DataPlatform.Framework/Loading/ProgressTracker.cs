using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace DataPlatform.Framework.Loading;

/// <summary>Throttles progress reports: checked every N rows, reported at most every 250 ms, plus one final report.</summary>
internal sealed class ProgressTracker(IProgress<BulkLoadProgress>? progress, string table, int rowInterval, Stopwatch clock)
{
    private static readonly TimeSpan s_minimumGap = TimeSpan.FromMilliseconds(250);
    private readonly int _rowInterval = Math.Max(1, rowInterval);
    private long _nextCheck = Math.Max(1, rowInterval);
    private TimeSpan _lastReport = -s_minimumGap;

    public bool Enabled => progress is not null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Tick(long rows)
    {
        if (rows >= _nextCheck)
        {
            Check(rows);
        }
    }

    public void Complete(long rows)
    {
        if (progress is not null)
        {
            Report(rows, clock.Elapsed, completed: true);
        }
    }

    private void Check(long rows)
    {
        _nextCheck = rows + _rowInterval;
        var elapsed = clock.Elapsed;
        if (elapsed - _lastReport >= s_minimumGap)
        {
            Report(rows, elapsed, completed: false);
        }
    }

    private void Report(long rows, TimeSpan elapsed, bool completed)
    {
        _lastReport = elapsed;
        var seconds = elapsed.TotalSeconds;
        progress!.Report(new BulkLoadProgress(table, rows, seconds > 0 ? rows / seconds : 0, elapsed, completed));
    }
}
