using System.Diagnostics;
using System.Globalization;

namespace DataPlatform.Benchmarks.Bronze;

/// <summary>The runs of one benchmark case: least wall time and least client, server and total CPU seconds.</summary>
internal sealed class Measurement
{
    public double BestSeconds { get; private set; } = double.MaxValue;

    public double? MinClientCpu { get; private set; }

    public double? MinServerCpu { get; private set; }

    public double? MinTotalCpu { get; private set; }

    public static (Stopwatch Clock, double Client, double? Server) Start(CpuMeter meter)
    {
        var (client, server) = meter.Read();
        return (Stopwatch.StartNew(), client, server);
    }

    /// <summary>Records one run; returns its description.</summary>
    public string Stop(CpuMeter meter, (Stopwatch Clock, double Client, double? Server) start)
    {
        var seconds = start.Clock.Elapsed.TotalSeconds;
        var (client, server) = meter.Read();
        var clientCpu = client - start.Client;
        double? serverCpu = server is { } s && start.Server is { } s0 ? s - s0 : null;
        BestSeconds = Math.Min(BestSeconds, seconds);
        MinClientCpu = Math.Min(MinClientCpu ?? double.MaxValue, clientCpu);
        if (serverCpu is { } sc)
        {
            MinServerCpu = Math.Min(MinServerCpu ?? double.MaxValue, sc);
            MinTotalCpu = Math.Min(MinTotalCpu ?? double.MaxValue, sc + clientCpu);
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{seconds:F2} s (CPU client {clientCpu:F2} s, server {(serverCpu is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "-")} s)");
    }

    public string Cpu() => string.Create(
        CultureInfo.InvariantCulture,
        $"{MinClientCpu:F2} / {(MinServerCpu is { } s ? s.ToString("F2", CultureInfo.InvariantCulture) : "-")} / {(MinTotalCpu is { } t ? t.ToString("F2", CultureInfo.InvariantCulture) : "-")}");

    public Dictionary<string, double?> CpuSummary() => new()
    {
        ["client"] = MinClientCpu is { } c ? Math.Round(c, 3) : null,
        ["server"] = MinServerCpu is { } s ? Math.Round(s, 3) : null,
        ["total"] = MinTotalCpu is { } t ? Math.Round(t, 3) : null,
    };
}
