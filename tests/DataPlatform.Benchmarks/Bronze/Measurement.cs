using System.Diagnostics;
using System.Globalization;

namespace DataPlatform.Benchmarks.Bronze;

/// <summary>The counted runs of one benchmark case: wall time and client, server and total CPU seconds, summarised by their medians.</summary>
internal sealed class Measurement
{
    private readonly List<double> _seconds = [];
    private readonly List<double> _client = [];
    private readonly List<double> _server = [];
    private readonly List<double> _total = [];

    /// <summary>Wall seconds of each counted run, in run order.</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    public double MedianSeconds => Median(_seconds) ?? double.NaN;

    public double? MedianClientCpu => Median(_client);

    public double? MedianServerCpu => Median(_server);

    public double? MedianTotalCpu => Median(_total);

    public static (Stopwatch Clock, double Client, double? Server) Start(CpuMeter meter)
    {
        var (client, server) = meter.Read();
        return (Stopwatch.StartNew(), client, server);
    }

    /// <summary>Median of <paramref name="values"/>, or null when there are none.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Ends one run; counts it unless it is a warm-up run. Returns its description.</summary>
    public string Stop(CpuMeter meter, (Stopwatch Clock, double Client, double? Server) start, bool counted)
    {
        var seconds = start.Clock.Elapsed.TotalSeconds;
        var (client, server) = meter.Read();
        var clientCpu = client - start.Client;
        double? serverCpu = server is { } s && start.Server is { } s0 ? s - s0 : null;
        if (counted)
        {
            _seconds.Add(seconds);
            _client.Add(clientCpu);
            if (serverCpu is { } sc)
            {
                _server.Add(sc);
                _total.Add(sc + clientCpu);
            }
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{seconds:F2} s (CPU client {clientCpu:F2} s, server {(serverCpu is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-")} s)");
    }

    public string Cpu() => string.Create(
        CultureInfo.InvariantCulture,
        $"{MedianClientCpu:F2} / {(MedianServerCpu is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-")} / {(MedianTotalCpu is { } t ? t.ToString("F2", CultureInfo.InvariantCulture) : "-")}");

    public Dictionary<string, double?> CpuSummary() => new()
    {
        ["client"] = MedianClientCpu is { } c ? Math.Round(c, 3) : null,
        ["server"] = MedianServerCpu is { } s ? Math.Round(s, 3) : null,
        ["total"] = MedianTotalCpu is { } t ? Math.Round(t, 3) : null,
    };
}
