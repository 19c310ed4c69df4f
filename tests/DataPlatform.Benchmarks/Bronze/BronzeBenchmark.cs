using System.Diagnostics;
using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Npgsql;
using Spectre.Console;

namespace DataPlatform.Benchmarks.Bronze;

/// <summary>
/// Bronze extraction throughput (issue #4): a generated Pagila source at scale 10 (<c>--quick</c>: 1) in one database,
/// bronze in another. Baseline: the same columns of the same 15 tables moved by raw
/// <c>COPY (SELECT …) TO STDOUT (FORMAT BINARY)</c> piped into <c>COPY … FROM STDIN (FORMAT BINARY)</c> between the same
/// databases, into plain tables of the same types, with the same table parallelism; and the same pipe into tables shaped
/// like bronze whose three metadata columns are filled by constant column defaults (a fixed 16-byte hash), which separates
/// the server's cost of bronze's wider rows from the engine's own work (hashing, cursor, metadata per row). Each case runs three times into emptied targets, alternating; the fastest run counts. Client and server CPU seconds
/// (<see cref="CpuMeter"/>) are printed too: on a loaded machine they are steadier than wall time.
/// Target: bronze ≥ 0.8 × the plain pipe's rows/s.
/// </summary>
internal static class BronzeBenchmark
{
    private const string BaselineSchema = "bench_copy_pipe";
    private const string ShapedSchema = "bench_copy_pipe_bronze_shape";
    private const int Parallelism = 2;
    private const int Rounds = 3;

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var scale = options.Quick ? 1 : 10;
        await using var server = await BenchmarkServer.StartAsync();
        await using var source = await server.Server.CreateDatabaseAsync("bench_bronze_source", cancellationToken);
        await using var warehouse = await server.Server.CreateDatabaseAsync("bench_bronze_warehouse", cancellationToken);

        AnsiConsole.MarkupLine($"[grey]generating Pagila scale {scale} into {source.Name} …[/]");
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 42, Scale = scale });
        var load = await new PagilaSourceLoader(source.DataSource).LoadAsync(generator, cancellationToken);
        await source.ExecuteAsync("VACUUM ANALYZE", cancellationToken);
        var totalRows = load.RowsLoaded.Values.Sum();

        await using (var context = PagilaBronzeContext.Create(warehouse.ConnectionString))
        {
            await new SchemaDeployer().DeployAsync(context, warehouse.ConnectionString, cancellationToken);
        }

        await using var ledger = new BatchLedger(warehouse.DataSource);
        await ledger.EnsureSchemaAsync(cancellationToken);
        var columns = await BronzeColumnsAsync(warehouse, cancellationToken);
        await warehouse.ExecuteAsync(
            $"CREATE SCHEMA {BaselineSchema};\n" + string.Join(
                "\n",
                columns.Select(t => $"CREATE TABLE {BaselineSchema}.{t.Key} AS SELECT {t.Value} FROM br__pagila__public.{t.Key} WITH NO DATA;")),
            cancellationToken);

        await warehouse.ExecuteAsync(
            $"CREATE SCHEMA {ShapedSchema};\n" + string.Join(
                "\n",
                columns.Keys.Select(t =>
                    $"CREATE TABLE {ShapedSchema}.{t} (LIKE br__pagila__public.{t} INCLUDING DEFAULTS);"
                    + $" ALTER TABLE {ShapedSchema}.{t} ALTER COLUMN dp_batch_id SET DEFAULT 1,"
                    + $" ALTER COLUMN dp_record_hash SET DEFAULT substr(sha256('{t}'::bytea), 1, 16),"
                    + " ALTER COLUMN dp_operation SET DEFAULT 'upsert';")),
            cancellationToken);

        var cpu = await CpuMeter.CreateAsync(warehouse, cancellationToken);
        var baseline = new Measurement();
        var shaped = new Measurement();
        var bronze = new Measurement();
        long bronzeRows = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            await warehouse.ExecuteAsync(string.Join("\n", columns.Keys.Select(t => $"TRUNCATE {BaselineSchema}.{t};")), cancellationToken);
            var start = Measurement.Start(cpu);
            var piped = await CopyPipeAsync(source, warehouse, columns, BaselineSchema, cancellationToken);
            var pipe = baseline.Stop(cpu, start);
            Check(piped, totalRows, "copy pipe");

            await warehouse.ExecuteAsync(string.Join("\n", columns.Keys.Select(t => $"TRUNCATE {ShapedSchema}.{t};")), cancellationToken);
            start = Measurement.Start(cpu);
            piped = await CopyPipeAsync(source, warehouse, columns, ShapedSchema, cancellationToken);
            var shapedRun = shaped.Stop(cpu, start);
            Check(piped, totalRows, "copy pipe (bronze-shaped targets)");

            await warehouse.ExecuteAsync(
                string.Join("\n", columns.Keys.Select(t => $"TRUNCATE br__pagila__public.{t};")) + "\nDELETE FROM dataplatform.batch;",
                cancellationToken);
            var batchId = await ledger.StartBatchAsync("bench", cancellationToken);
            start = Measurement.Start(cpu);
            var result = await PagilaBronze.Layer.WithParallelism(Parallelism)
                .ExtractAsync(source.DataSource, warehouse.DataSource, ledger, batchId, false, null, null, cancellationToken);
            var bronzeRun = bronze.Stop(cpu, start);
            await ledger.CompleteBatchAsync(batchId, cancellationToken);
            bronzeRows = result.Sum(t => t.RowsWritten);
            Check(bronzeRows, totalRows, "bronze");
            AnsiConsole.WriteLine($"round {round}: copy pipe {pipe}; copy pipe into bronze-shaped tables {shapedRun}; bronze extractor {bronzeRun}");
        }

        var baselineBest = baseline.BestSeconds;
        var shapedBest = shaped.BestSeconds;
        var bronzeBest = bronze.BestSeconds;

        const string Baseline = "COPY TO STDOUT | COPY FROM STDIN";
        const string Shaped = "COPY pipe into bronze-shaped tables";
        var cases = new List<BenchmarkCase>
        {
            new(Baseline, totalRows, baselineBest, Baseline, null, $"raw binary COPY pipe, 15 tables, {Parallelism} in parallel, plain target tables (no keys, no indexes)"),
            new(Shaped, totalRows, shapedBest, Baseline, null, "the same pipe into tables LIKE bronze (no keys, no indexes) whose three metadata columns are filled by constant defaults (a fixed 16-byte hash): bronze's row width without the extractor's work"),
            new("bronze extractor", bronzeRows, bronzeBest, Baseline, null, "the framework's extraction engine: binary COPY out → XxHash128 → binary COPY in with the three metadata columns (no keys, no indexes), ledger rows"),
        };
        BenchmarkReport.Write(
            "bronze",
            $"Bronze extraction, Pagila scale {scale} ({totalRows:N0} rows), source and warehouse in separate databases",
            cases,
            new Dictionary<string, object>
            {
                ["scale"] = scale, ["rows"] = totalRows, ["parallelism"] = Parallelism, ["target_ratio"] = 0.8,
                ["cpu_seconds_min"] = new Dictionary<string, object?>
                {
                    [Baseline] = baseline.CpuSummary(), [Shaped] = shaped.CpuSummary(), ["bronze extractor"] = bronze.CpuSummary(),
                },
            });

        AnsiConsole.MarkupLine(Markup.Escape($"CPU seconds, least over {Rounds} rounds (client / server / total): copy pipe {baseline.Cpu()}; bronze-shaped pipe {shaped.Cpu()}; bronze extractor {bronze.Cpu()}"));
        if (baseline.MinTotalCpu is { } baseCpu && bronze.MinTotalCpu is { } bronzeCpu)
        {
            AnsiConsole.MarkupLine($"bronze / COPY pipe by total CPU (rows per CPU-second): [bold]{baseCpu / bronzeCpu:F2}[/]");
        }

        AnsiConsole.MarkupLine($"bronze / COPY pipe rows/s ratio: [bold]{baselineBest / bronzeBest:F2}[/] (target ≥ 0.80)");
        AnsiConsole.MarkupLine($"bronze / COPY pipe into bronze-shaped tables rows/s ratio: [bold]{shapedBest / bronzeBest:F2}[/]");
        return 0;
    }

    private static void Check(long rows, long expected, string what)
    {
        if (rows != expected)
        {
            throw new InvalidOperationException($"{what} moved {rows} rows, expected {expected}.");
        }
    }

    // The source columns bronze stores (no dp_ metadata), per table: exactly what the extractor selects.
    private static async Task<Dictionary<string, string>> BronzeColumnsAsync(TestDatabase warehouse, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name, string_agg(quote_ident(column_name), ', ' ORDER BY column_name)
            FROM information_schema.columns
            WHERE table_schema = 'br__pagila__public' AND column_name NOT LIKE 'dp\_%'
            GROUP BY table_name
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns[reader.GetString(0)] = reader.GetString(1);
        }

        return columns;
    }

    private static async Task<long> CopyPipeAsync(
        TestDatabase source, TestDatabase warehouse, Dictionary<string, string> columns, string targetSchema, CancellationToken cancellationToken)
    {
        long rows = 0;
        await Parallel.ForEachAsync(
            columns.OrderByDescending(c => PagilaTables.RealRowCounts[c.Key]),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (table, token) =>
            {
                await using var from = await source.OpenConnectionAsync(token);
                await using var to = await warehouse.OpenConnectionAsync(token);
                await using (var output = await from.BeginRawBinaryCopyAsync($"COPY (SELECT {table.Value} FROM public.{table.Key}) TO STDOUT (FORMAT BINARY)", token))
                await using (var input = await to.BeginRawBinaryCopyAsync($"COPY {targetSchema}.{table.Key} ({table.Value}) FROM STDIN (FORMAT BINARY)", token))
                {
                    await output.CopyToAsync(input, token);
                }

                await using var count = new NpgsqlCommand($"SELECT count(*) FROM {targetSchema}.{table.Key}", to);
                Interlocked.Add(ref rows, (long)(await count.ExecuteScalarAsync(token))!);
            });
        return rows;
    }
}
