using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Datakits.Pagila.Silver;
using Npgsql;

namespace DataPlatform.Benchmarks.Pipeline;

/// <summary>
/// End to end: the published <c>pagila-warehouse</c> (Release, ReadyToRun, as <c>dotnet publish</c> makes it) runs
/// <c>run --warehouse &lt;fresh db&gt; --scale N --output json</c> as its own process for each scale (synthetic source generated
/// next to the warehouse); reported per layer: seconds and rows/s (rows read by the layer), plus the host process's peak
/// working set (target: under 500 MB at scale 50).
/// </summary>
internal static class PipelineBenchmark
{
    private static readonly string[] s_layers = ["source", "bronze", "silver", "gold"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var scales = new List<double>();
        var batches = 0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--batches" when i + 1 < args.Count:
                    batches = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--scale" when i + 1 < args.Count:
                    scales.AddRange(args[++i].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)));
                    break;
                case "--quick":
                    scales.Add(1);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --scale N[,N...] (default 1,10,50), --quick (scale 1), --batches N (after the update batch, N more 1 % batches: the scaling check)");
                    return 1;
            }
        }

        if (scales.Count == 0)
        {
            scales.AddRange([1, 10, 50]);
        }

        var host = Path.Combine(RepositoryRoot(), "layer3-warehouses", "pagila-warehouse", "bin", "Release", "net10.0", "publish", "pagila-warehouse.dll");
        if (!File.Exists(host))
        {
            Console.Error.WriteLine($"{host} is missing: publish it first (dotnet publish -c Release layer3-warehouses/pagila-warehouse -o {Path.GetDirectoryName(host)}; scripts/bench.sh does).");
            return 1;
        }

        var cases = new List<BenchmarkCase>();
        var context = new Dictionary<string, object>
        {
            ["scales"] = scales, ["layers"] = s_layers, ["host"] = "pagila-warehouse run --scale N --output json (dotnet publish: Release, ReadyToRun)",
            ["reference"] = "copy the source tables (binary COPY), then the transforms benchmark's plain-SQL silver and gold (same rules, joins, FK policy)",
            ["update_batch"] = "10 % of rentals updated (return_date, last_update), payments added for 10 % of rentals, 5 % of customers updated (email)",
        };
        await using var server = await BenchmarkServer.StartAsync();
        foreach (var scale in scales)
        {
            var label = scale.ToString(CultureInfo.InvariantCulture);
            await using var warehouse = await server.Server.CreateDatabaseAsync("bench_pipeline_" + label.Replace('.', '_'), ct);
            try
            {
                Console.Error.WriteLine($"scale {label}: running pagila-warehouse into {warehouse.Name} ...");
                using var summary = await RunHostAsync(host, warehouse.ConnectionString, "synthetic", scale, ct);
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
                var sourceConnection = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Database = warehouse.Name + "_pagila_source" }.ConnectionString;
                var typed = LayerSeconds(root, "bronze") + LayerSeconds(root, "silver") + LayerSeconds(root, "gold");
                await using (var sourceData = NpgsqlDataSource.Create(sourceConnection))
                await using (var warehouseData = NpgsqlDataSource.Create(warehouse.ConnectionString))
                {
                    Console.Error.WriteLine($"scale {label}: reference: copy the source, then plain-SQL silver and gold ...");
                    var reference = await PlainSqlReference.RunAsync(warehouseData, sourceData, PagilaSilver.Layer.Tables, ct);
                    var referenceTotal = reference.Copy + reference.Silver + reference.Gold;
                    cases.Add(new BenchmarkCase($"scale {label} reference (copy + SQL)", bronzeRows, referenceTotal, $"scale {label} reference (copy + SQL)", null,
                        FormattableString.Invariant($"copy {reference.Copy:F2} s, SQL silver {reference.Silver:F2} s, SQL gold {reference.Gold:F2} s")));
                    cases.Add(new BenchmarkCase($"scale {label} typed run (bronze + silver + gold)", bronzeRows, typed, $"scale {label} reference (copy + SQL)", null, null));
                    context[$"scale_{label}_first_load_silver_gold_s"] = Math.Round(LayerSeconds(root, "silver") + LayerSeconds(root, "gold"), 2);
                    context[$"scale_{label}_reference_s"] = Math.Round(referenceTotal, 2);
                    context[$"scale_{label}_ratio_run_to_reference"] = Math.Round(typed / referenceTotal, 2);

                    Console.Error.WriteLine($"scale {label}: update batch (10 % of rentals updated, 10 % more payments, 5 % of customers updated) ...");
                    await ChangeSourceAsync(sourceData, 10, 20, 0, ct);
                    using var update = await RunHostAsync(host, warehouse.ConnectionString, sourceConnection, scale, ct);
                    var updateSeconds = LayerSeconds(update.RootElement, "silver") + LayerSeconds(update.RootElement, "gold");
                    cases.Add(new BenchmarkCase($"scale {label} update batch silver + gold", LayerRows(update.RootElement, "silver"), updateSeconds,
                        $"scale {label} update batch silver + gold", null, null));
                    context[$"scale_{label}_update_silver_gold_s"] = Math.Round(updateSeconds, 2);
                    context[$"scale_{label}_update_silver_s"] = Math.Round(LayerSeconds(update.RootElement, "silver"), 2);

                    if (batches > 0)
                    {
                        var perBatch = new List<double>();
                        var silverPerBatch = new List<double>();
                        for (var b = 1; b <= batches; b++)
                        {
                            await ChangeSourceAsync(sourceData, 100, 100, b, ct);
                            using var small = await RunHostAsync(host, warehouse.ConnectionString, sourceConnection, scale, ct);
                            perBatch.Add(LayerSeconds(small.RootElement, "silver") + LayerSeconds(small.RootElement, "gold"));
                            silverPerBatch.Add(LayerSeconds(small.RootElement, "silver"));
                            Console.Error.WriteLine(FormattableString.Invariant($"scale {label}: 1 % batch {b}: silver + gold {perBatch[^1]:F2} s (silver {silverPerBatch[^1]:F2} s)"));
                        }

                        var second = perBatch[Math.Min(1, perBatch.Count - 1)];
                        cases.Add(new BenchmarkCase($"scale {label} 1 % batch 2 silver + gold", 0, second, $"scale {label} 1 % batch 2 silver + gold", null, null));
                        cases.Add(new BenchmarkCase($"scale {label} 1 % batch {batches} silver + gold", 0, perBatch[^1], $"scale {label} 1 % batch 2 silver + gold", null, null));
                        context[$"scale_{label}_one_percent_batches_silver_gold_s"] = perBatch.Select(x => Math.Round(x, 2)).ToList();
                        context[$"scale_{label}_one_percent_batches_silver_s"] = silverPerBatch.Select(x => Math.Round(x, 2)).ToList();
                        context[$"scale_{label}_last_to_second_batch"] = Math.Round(perBatch[^1] / second, 2);
                    }
                }

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
            context);
        return 0;
    }

    private static double LayerSeconds(JsonElement root, string layer) =>
        root.GetProperty("layers").EnumerateArray().Where(l => l.GetProperty("layer").GetString() == layer).Sum(l => l.GetProperty("seconds").GetDouble());

    private static long LayerRows(JsonElement root, string layer) =>
        root.GetProperty("layers").EnumerateArray().Where(l => l.GetProperty("layer").GetString() == layer).Sum(l => l.GetProperty("rows_read").GetInt64());

    // Changes the source the way its application would: 1/rentalModulo of the rentals get a new return date, as many new
    // payments are added for other rentals, 1/customerModulo of the customers get a new e-mail address; `round` picks
    // which rows, so successive batches change different rows.
    private static async Task ChangeSourceAsync(NpgsqlDataSource source, int rentalModulo, int customerModulo, int round, CancellationToken ct)
    {
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            UPDATE public.rental SET return_date = COALESCE(return_date, rental_date) + interval '1 hour', last_update = now()
            WHERE rental_id % {rentalModulo} = {round % rentalModulo};
            INSERT INTO public.payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)
            SELECT (SELECT max(payment_id) FROM public.payment) + row_number() OVER (ORDER BY r.rental_id), r.customer_id, r.staff_id, r.rental_id, 0.99,
                   least(now(), r.rental_date + interval '1 day')
            FROM public.rental AS r WHERE r.rental_id % {rentalModulo} = {(round + 1) % rentalModulo};
            UPDATE public.customer SET email = 'u{round}.' || coalesce(email, 'x@example.com'), last_update = now()
            WHERE customer_id % {customerModulo} = {round % customerModulo};
            """);
        await using var command = source.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<JsonDocument> RunHostAsync(string host, string warehouse, string source, double scale, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = source == "synthetic"
            ? [host, "run", "--warehouse", warehouse, "--source", "synthetic", "--scale", scale.ToString(CultureInfo.InvariantCulture), "--output", "json", "--log-level", "Warning"]
            : [host, "run", "--warehouse", warehouse, "--source", source, "--output", "json", "--log-level", "Warning"];
        foreach (var argument in arguments)
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
