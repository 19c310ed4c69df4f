using System.Diagnostics;
using System.Globalization;
using DataPlatform.Testing;

namespace DataPlatform.Benchmarks.Bronze;

/// <summary>
/// CPU seconds spent by this process (the client) and by the PostgreSQL server (the postmaster, its live children and
/// the children it has reaped), read from /proc: on a shared, loaded machine they are steadier than wall time. The
/// server figure needs a server on this machine (a local cluster); otherwise it is null.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double s_ticksPerSecond = 100.0;

    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    public static async Task<CpuMeter> CreateAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            var checkpointer = await database.ScalarAsync<int>("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'", cancellationToken);
            var status = await File.ReadAllLinesAsync($"/proc/{checkpointer}/status", cancellationToken);
            var parent = int.Parse(status.Single(l => l.StartsWith("PPid:", StringComparison.Ordinal))[5..].Trim(), CultureInfo.InvariantCulture);
            return new CpuMeter(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return new CpuMeter(null);
        }
    }

    public (double Client, double? Server) Read() =>
        (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, _postmaster is { } pid ? ServerSeconds(pid) : null);

    private static double? ServerSeconds(int postmaster)
    {
        try
        {
            var own = Fields(postmaster);
            var ticks = own[11] + own[12] + own[13] + own[14];
            foreach (var child in File.ReadAllText($"/proc/{postmaster}/task/{postmaster}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                try
                {
                    var fields = Fields(int.Parse(child, CultureInfo.InvariantCulture));
                    ticks += fields[11] + fields[12];
                }
                catch (IOException)
                {
                    // Exited between the listing and the read: its time is in the postmaster's reaped-children figures.
                }
            }

            return ticks / s_ticksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // /proc/<pid>/stat fields after the command name: index 11 utime, 12 stime, 13 cutime, 14 cstime (in clock ticks).
    private static long[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ').Select(f => long.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
    }
}
