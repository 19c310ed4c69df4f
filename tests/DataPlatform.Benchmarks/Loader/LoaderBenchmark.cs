using System.Diagnostics;
using DataPlatform.Framework.Loading;
using Npgsql;
using NpgsqlTypes;
using Spectre.Console;

namespace DataPlatform.Benchmarks.Loader;

/// <summary>
/// The loader benchmark (issue #3): one table shape, five cases. A hand-written NpgsqlBinaryImporter loop is the
/// baseline and the practical limit; B is BulkDataLoader append; C is EF Core AddRange + SaveChanges on fewer rows;
/// D compares upserts with half the keys existing; E streams 10M rows through the loader and records peak memory.
/// </summary>
internal static class LoaderBenchmark
{
    private const string CaseA = "A hand-written NpgsqlBinaryImporter";
    private const string CaseD1 = "D1 hand-written COPY→temp→ON CONFLICT";
    private const string Columns = "rental_id, rental_date, return_date, last_update, inventory_id, customer_id, staff_id, note, external_id";

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var n = options.Quick ? 20_000 : 1_000_000;
        var efRows = options.Quick ? 2_000 : 50_000;
        var streamed = options.Quick ? 100_000 : 10_000_000;

        await using var server = await BenchmarkServer.StartAsync();
        await using var database = await server.Server.CreateDatabaseAsync("bench_loader", cancellationToken);
        var dataSource = database.DataSource;
        AnsiConsole.MarkupLine($"[grey]PostgreSQL {Markup.Escape(server.Server.ServerVersion)} ({server.Server.Source}); N = {n:N0}, EF rows = {efRows:N0}, streamed rows = {streamed:N0}[/]");

        await ExecuteAsync(dataSource, "CREATE SCHEMA bench", cancellationToken);
        foreach (var table in new[] { "warm_a", "warm_b", "warm_c", "rental_a", "rental_b", "rental_c", "rental_d_hand", "rental_d_loader", "rental_e" })
        {
            await ExecuteAsync(dataSource, CreateTable(table), cancellationToken);
        }

        var loaders = new Dictionary<string, BulkDataLoader>();
        BulkDataLoader Loader(string table)
        {
            if (!loaders.TryGetValue(table, out var loader))
            {
                using var context = BenchContext.Create(database.ConnectionString, table);
                loader = loaders[table] = new BulkDataLoader(context.Model, dataSource);
            }

            return loader;
        }

        // Warm up JIT and connections for both copy paths.
        await HandCopyAsync(dataSource, "warm_a", BenchRental.Range(1, 10_000), cancellationToken);
        await Loader("warm_b").LoadAsync(BenchRental.Range(1, 10_000), new BulkLoadOptions(), cancellationToken);
        await Loader("warm_b").LoadAsync(BenchRental.Range(5_001, 10_000), new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, cancellationToken);
        await EfInsertAsync(database.ConnectionString, "warm_c", 100, cancellationToken);
        await HandUpsertAsync(dataSource, "warm_a", BenchRental.Range(5_001, 10_000, version: 1), cancellationToken);

        // A/B and D1/D2 run in alternating order, best of `repetitions` (the machine is shared; the best run is the least disturbed).
        var repetitions = options.Quick ? 1 : 2;
        BenchmarkCase? a = null, b = null, d1 = null, d2 = null;
        for (var rep = 0; rep < repetitions; rep++)
        {
            await ExecuteAsync(dataSource, "TRUNCATE bench.rental_a, bench.rental_b", cancellationToken);
            var runA = () => MeasureAsync(CaseA, n, CaseA, null, () => HandCopyAsync(dataSource, "rental_a", BenchRental.Range(1, n), cancellationToken));
            var runB = () => MeasureAsync("B BulkDataLoader append", n, CaseA, null,
                () => Loader("rental_b").LoadAsync(BenchRental.Range(1, n), new BulkLoadOptions(), cancellationToken));
            if (rep % 2 == 0)
            {
                a = Best(a, await runA());
                b = Best(b, await runB());
            }
            else
            {
                b = Best(b, await runB());
                a = Best(a, await runA());
            }
        }

        var c = await MeasureAsync("C EF Core AddRange + SaveChanges", efRows, CaseA,
            $"{efRows:N0} rows (scaled down from {n:N0}: EF is too slow for the full N); rows/s is comparable",
            () => EfInsertAsync(database.ConnectionString, "rental_c", efRows, cancellationToken));

        // D: both tables hold ids 1..N/2; the input is ids 1..N with every existing row changed (half the keys exist).
        for (var rep = 0; rep < repetitions; rep++)
        {
            foreach (var table in new[] { "rental_d_hand", "rental_d_loader" })
            {
                await ExecuteAsync(dataSource, $"TRUNCATE bench.{table}", cancellationToken);
                await HandCopyAsync(dataSource, table, BenchRental.Range(1, n / 2), cancellationToken);
                await ExecuteAsync(dataSource, $"VACUUM ANALYZE bench.{table}", cancellationToken);
            }

            var runD1 = () => MeasureAsync(CaseD1, n, CaseD1, null,
                () => HandUpsertAsync(dataSource, "rental_d_hand", BenchRental.Range(1, n, version: 1), cancellationToken));
            var runD2 = () => MeasureAsync("D2 BulkDataLoader upsert", n, CaseD1, null,
                () => Loader("rental_d_loader").LoadAsync(BenchRental.Range(1, n, version: 1), new BulkLoadOptions { Mode = BulkLoadMode.Upsert }, cancellationToken));
            if (rep % 2 == 0)
            {
                d1 = Best(d1, await runD1());
                d2 = Best(d2, await runD2());
            }
            else
            {
                d2 = Best(d2, await runD2());
                d1 = Best(d1, await runD1());
            }
        }

        var e = await MeasureAsync("E BulkDataLoader streamed append", streamed, CaseA,
            "peak working set of the whole process while streaming (VmHWM reset before the case)",
            () => Loader("rental_e").LoadAsync(BenchRental.Range(1, streamed), new BulkLoadOptions(), cancellationToken));
        var cases = new List<BenchmarkCase> { a!, b!, c, d1!, d2!, e };

        var checks = new Dictionary<string, object>
        {
            ["n"] = n,
            ["ef_rows"] = efRows,
            ["streamed_rows"] = streamed,
            ["quick"] = options.Quick,
            ["repetitions_best_of"] = repetitions,
            ["load_average_1m"] = LoadAverage(),
            ["postgres"] = server.Server.ServerVersion,
        };
        BenchmarkReport.Write("loader", $"BulkDataLoader benchmark ({(options.Quick ? "quick" : "full")})", cases, checks);
        PrintTargets(cases);
        if (options.Quick)
        {
            AnsiConsole.MarkupLine("[grey]quick mode proves the benchmark runs; its sub-second timings are too short to judge the targets[/]");
        }

        return 0;
    }

    private static void PrintTargets(List<BenchmarkCase> cases)
    {
        double Rate(string prefix) => cases.First(c => c.Case.StartsWith(prefix, StringComparison.Ordinal)).RowsPerSecond;
        var e = cases.First(c => c.Case.StartsWith("E ", StringComparison.Ordinal));
        var targets = new (string Name, bool Met, string Value)[]
        {
            ("B ≥ 0.9 × A", Rate("B ") >= 0.9 * Rate("A "), $"{Rate("B ") / Rate("A "):F2}"),
            ("B ≥ 20 × C", Rate("B ") >= 20 * Rate("C "), $"{Rate("B ") / Rate("C "):F1}"),
            ("D2 ≥ 0.9 × D1", Rate("D2 ") >= 0.9 * Rate("D1 "), $"{Rate("D2 ") / Rate("D1 "):F2}"),
            ("E peak < 300 MB", e.PeakMb < 300, $"{e.PeakMb:F0} MB"),
        };
        foreach (var (name, met, value) in targets)
        {
            AnsiConsole.MarkupLine($"{(met ? "[green]met[/]" : "[red]missed[/]")}  {Markup.Escape(name)}: {Markup.Escape(value)}");
        }
    }

    private static BenchmarkCase Best(BenchmarkCase? best, BenchmarkCase candidate) =>
        best is null || candidate.Seconds < best.Seconds ? candidate with { PeakMb = Math.Max(candidate.PeakMb ?? 0, best?.PeakMb ?? 0) } : best;

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static async Task<BenchmarkCase> MeasureAsync(string name, long rows, string baseline, string? note, Func<Task> run)
    {
        PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        var peak = PeakMemory.PeakMegabytes();
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape(name)}: {clock.Elapsed.TotalSeconds:F2} s[/]");
        return new BenchmarkCase(name, rows, clock.Elapsed.TotalSeconds, baseline, peak, note);
    }

    private static string CreateTable(string table) => $"""
        CREATE TABLE bench.{table} (
            rental_id integer PRIMARY KEY,
            rental_date timestamp with time zone NOT NULL,
            return_date timestamp with time zone NULL,
            last_update timestamp with time zone NOT NULL,
            inventory_id integer NOT NULL,
            customer_id integer NOT NULL,
            staff_id integer NOT NULL,
            note text NOT NULL,
            external_id uuid NOT NULL)
        """;

    // A: the practical limit, written the way the Npgsql docs show it, in one transaction like the loader.
    private static async Task HandCopyAsync(NpgsqlDataSource dataSource, string table, IEnumerable<BenchRental> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CopyRowsAsync(connection, $"COPY bench.{table} ({Columns}) FROM STDIN (FORMAT BINARY)", rows, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, string copy, IEnumerable<BenchRental> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            importer.Write(row.RentalId, NpgsqlDbType.Integer);
            importer.Write(row.RentalDate, NpgsqlDbType.TimestampTz);
            if (row.ReturnDate is { } returned)
            {
                importer.Write(returned, NpgsqlDbType.TimestampTz);
            }
            else
            {
                importer.WriteNull();
            }

            importer.Write(row.LastUpdate, NpgsqlDbType.TimestampTz);
            importer.Write(row.InventoryId, NpgsqlDbType.Integer);
            importer.Write(row.CustomerId, NpgsqlDbType.Integer);
            importer.Write(row.StaffId, NpgsqlDbType.Integer);
            importer.Write(row.Note, NpgsqlDbType.Text);
            importer.Write(row.ExternalId, NpgsqlDbType.Uuid);
        }

        await importer.CompleteAsync(ct);
    }

    // D1: the usual hand-written upsert: COPY into a temp table, one INSERT … ON CONFLICT DO UPDATE.
    private static async Task HandUpsertAsync(NpgsqlDataSource dataSource, string table, IEnumerable<BenchRental> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE staging (LIKE bench.{table}) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await CopyRowsAsync(connection, $"COPY staging ({Columns}) FROM STDIN (FORMAT BINARY)", rows, ct);
        var sets = string.Join(", ", Columns.Split(", ").Skip(1).Select(c => $"{c} = EXCLUDED.{c}"));
        await using (var upsert = new NpgsqlCommand(
            $"INSERT INTO bench.{table} ({Columns}) SELECT {Columns} FROM staging ON CONFLICT (rental_id) DO UPDATE SET {sets}", connection, transaction))
        {
            upsert.CommandTimeout = 0;
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task EfInsertAsync(string connectionString, string table, int rows, CancellationToken ct)
    {
        await using var context = BenchContext.Create(connectionString, table);
        context.Rentals.AddRange(BenchRental.Range(1, rows));
        await context.SaveChangesAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
