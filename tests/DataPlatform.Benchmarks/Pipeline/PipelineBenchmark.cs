using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace DataPlatform.Benchmarks.Pipeline;

/// <summary>
/// End to end: the built <c>pagila-warehouse</c> (Release) runs <c>run --warehouse &lt;fresh db&gt; --scale N --output json</c>
/// as its own process for each scale (synthetic source generated next to the warehouse); reported per layer: seconds and
/// rows/s (rows read by the layer), plus the host process's peak working set (target: under 500 MB at scale 50).
/// </summary>
internal static class PipelineBenchmark
{
    private static readonly string[] s_layers = ["source", "bronze", "silver", "gold"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var scales = new List<double>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Count:
                    scales.AddRange(args[++i].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)));
                    break;
                case "--quick":
                    scales.Add(1);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --scale N[,N...] (default 1,10,50), --quick (scale 1)");
                    return 1;
            }
        }

        if (scales.Count == 0)
        {
            scales.AddRange([1, 10, 50]);
        }

        var host = Path.Combine(RepositoryRoot(), "layer3-warehouses", "pagila-warehouse", "bin", "Release", "net10.0", "pagila-warehouse.dll");
        if (!File.Exists(host))
        {
            Console.Error.WriteLine($"{host} is missing: build it first (dotnet build -c Release layer3-warehouses/pagila-warehouse; scripts/bench.sh does).");
            return 1;
        }

        var cases = new List<BenchmarkCase>();
        await using var server = await BenchmarkServer.StartAsync();
        foreach (var scale in scales)
        {
            var label = scale.ToString(CultureInfo.InvariantCulture);
            await using var warehouse = await server.Server.CreateDatabaseAsync("bench_pipeline_" + label.Replace('.', '_'), ct);
            try
            {
                Console.Error.WriteLine($"scale {label}: running pagila-warehouse into {warehouse.Name} ...");
                using var summary = await RunHostAsync(host, warehouse.ConnectionString, scale, ct);
                var root = summary.RootElement;
                var peak = root.GetProperty("peak_working_set_mb").GetDouble();
                foreach (var layer in root.GetProperty("layers").EnumerateArray())
                {
                    var name = layer.GetProperty("layer").GetString()!;
                    cases.Add(new BenchmarkCase(
                        $"scale {label} {name}",
                        layer.GetProperty("rows_read").GetInt64(),
                        layer.GetProperty("seconds").GetDouble(),
                        $"scale {scales[0].ToString(CultureInfo.InvariantCulture)} {name}",
                        null,
                        $"written {layer.GetProperty("rows_written").GetInt64():N0}, quarantined {layer.GetProperty("rows_quarantined").GetInt64():N0}"));
                }

                var bronzeRows = root.GetProperty("layers").EnumerateArray()
                    .Where(l => l.GetProperty("layer").GetString() == "bronze").Sum(l => l.GetProperty("rows_read").GetInt64());
                cases.Add(new BenchmarkCase(
                    $"scale {label} total",
                    bronzeRows,
                    root.GetProperty("seconds").GetDouble(),
                    $"scale {scales[0].ToString(CultureInfo.InvariantCulture)} total",
                    peak,
                    peak < 500 ? null : "peak working set above the 500 MB target"));
            }
            finally
            {
                await DropSourceAsync(warehouse.ConnectionString, warehouse.Name + "_pagila_source", ct);
            }
        }

        BenchmarkReport.Write(
            "pipeline",
            "pagila-warehouse run end to end (rows/s = rows read by the layer; total = source rows / whole run)",
            cases,
            new Dictionary<string, object> { ["scales"] = scales, ["layers"] = s_layers, ["host"] = "pagila-warehouse run --scale N --output json (Release)" });
        return 0;
    }

    private static async Task<JsonDocument> RunHostAsync(string host, string warehouse, double scale, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, "run", "--warehouse", warehouse, "--source", "synthetic", "--scale", scale.ToString(CultureInfo.InvariantCulture), "--output", "json", "--log-level", "Warning" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["CI"] = "true";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pagila-warehouse exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        }

        return JsonDocument.Parse(await stdout);
    }

    private static async Task DropSourceAsync(string warehouse, string database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(warehouse) { Database = "postgres" };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using var command = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
