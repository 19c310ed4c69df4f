using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace DataPlatform.Benchmarks;

/// <summary>One measured case.</summary>
internal sealed record BenchmarkCase(string Case, long Rows, double Seconds, string Baseline, double? PeakMb, string? Note)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
}

/// <summary>Prints a benchmark's table (Spectre.Console) and writes the same figures to artifacts/bench/&lt;name&gt;.json.</summary>
internal static class BenchmarkReport
{
    public static void Write(string name, string title, IReadOnlyList<BenchmarkCase> cases, IReadOnlyDictionary<string, object> context)
    {
        var ratios = cases.ToDictionary(c => c.Case, c => Ratio(c, cases));
        AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 150);
        var table = new Table().Title(title).Border(TableBorder.Rounded);
        foreach (var column in new[] { "case", "rows", "seconds", "rows/s", "ratio to baseline", "peak MB" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.Columns[0].LeftAligned();
        foreach (var c in cases)
        {
            table.AddRow(
                Markup.Escape(c.Case),
                c.Rows.ToString("N0", CultureInfo.InvariantCulture),
                c.Seconds.ToString("F2", CultureInfo.InvariantCulture),
                c.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                ratios[c.Case] is { } r ? $"{r.ToString("F2", CultureInfo.InvariantCulture)} × {Markup.Escape(c.Baseline.Split(' ')[0])}" : "baseline",
                c.PeakMb?.ToString("F0", CultureInfo.InvariantCulture) ?? "-");
        }

        AnsiConsole.Write(table);
        foreach (var c in cases.Where(c => c.Note is not null))
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(c.Case)}: {Markup.Escape(c.Note!)}[/]");
        }

        var directory = Path.Combine(RepositoryRoot(), "artifacts", "bench");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".json");
        var document = new
        {
            benchmark = name,
            title,
            utc = DateTime.UtcNow,
            machine = new { processors = Environment.ProcessorCount, os = Environment.OSVersion.VersionString },
            context,
            cases = cases.Select(c => new
            {
                @case = c.Case,
                rows = c.Rows,
                seconds = Math.Round(c.Seconds, 3),
                rows_per_second = Math.Round(c.RowsPerSecond),
                baseline = c.Baseline,
                ratio_to_baseline = ratios[c.Case] is { } r ? Math.Round(r, 3) : (double?)null,
                peak_mb = c.PeakMb is { } p ? Math.Round(p) : (double?)null,
                note = c.Note,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        AnsiConsole.MarkupLine($"[grey]written {Markup.Escape(path)}[/]");
    }

    private static double? Ratio(BenchmarkCase c, IReadOnlyList<BenchmarkCase> cases)
    {
        var baseline = cases.FirstOrDefault(b => b.Case == c.Baseline);
        return baseline is null || baseline == c || baseline.RowsPerSecond == 0 ? null : c.RowsPerSecond / baseline.RowsPerSecond;
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
