using System.Globalization;
using DataPlatform.Framework.Pipelines;
using Spectre.Console;

namespace DataPlatform.Hosting.Output;

/// <summary>
/// Writes the end-of-run summary to stdout: one row per layer and table, a total per layer. "unchanged" counts rows read
/// that the table already held as they are: bronze does not append them, silver and gold count them as written too.
/// </summary>
internal static class SummaryWriter
{
    public static void Write(IAnsiConsole console, PipelineResult outcome, TimeSpan elapsed)
    {
        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Batch {outcome.BatchId}") };
        table.AddColumn("layer");
        table.AddColumn("table");
        table.AddColumn(new TableColumn("read").RightAligned());
        table.AddColumn(new TableColumn("written").RightAligned());
        table.AddColumn(new TableColumn("unchanged").RightAligned());
        table.AddColumn(new TableColumn("quarantined").RightAligned());
        table.AddColumn(new TableColumn("seconds").RightAligned());
        table.AddColumn(new TableColumn("rows/s").RightAligned());

        foreach (var layer in outcome.Tables.GroupBy(s => s.Layer))
        {
            foreach (var step in layer)
            {
                AddRow(table, step.Layer, step.Table, step.RowsRead, step.RowsWritten, step.RowsUnchanged, step.RowsQuarantined, step.Elapsed, step.RowsPerSecond, bold: false);
            }

            if (layer.Count() < 2)
            {
                continue;
            }

            var total = new TableResult(
                layer.Key,
                "(total)",
                layer.Sum(s => s.RowsRead),
                layer.Sum(s => s.RowsWritten),
                layer.Sum(s => s.RowsQuarantined),
                outcome.LayerTimes.TryGetValue(layer.Key, out var wallClock) ? wallClock : TimeSpan.FromTicks(layer.Sum(s => s.Elapsed.Ticks)))
            {
                RowsUnchanged = layer.Sum(s => s.RowsUnchanged),
            };
            AddRow(table, total.Layer, total.Table, total.RowsRead, total.RowsWritten, total.RowsUnchanged, total.RowsQuarantined, total.Elapsed, total.RowsPerSecond, bold: true);
        }

        console.Write(table);
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Batch {outcome.BatchId} succeeded in {elapsed.TotalSeconds:F1} s (peak working set {PeakWorkingSetMegabytes():F0} MB)."));
    }

    /// <summary>The process's peak working set (Linux: VmHWM) in MB.</summary>
    public static double PeakWorkingSetMegabytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static void AddRow(
        Table table, string layer, string name, long read, long written, long unchanged, long quarantined, TimeSpan elapsed, double rate, bool bold)
    {
        string Cell(string text) => bold ? $"[bold]{Markup.Escape(text)}[/]" : Markup.Escape(text);
        table.AddRow(
            Cell(layer),
            Cell(name),
            Cell(read.ToString("N0", CultureInfo.InvariantCulture)),
            Cell(written.ToString("N0", CultureInfo.InvariantCulture)),
            Cell(unchanged.ToString("N0", CultureInfo.InvariantCulture)),
            Cell(quarantined.ToString("N0", CultureInfo.InvariantCulture)),
            Cell(elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)),
            Cell(rate.ToString("N0", CultureInfo.InvariantCulture)));
    }
}
