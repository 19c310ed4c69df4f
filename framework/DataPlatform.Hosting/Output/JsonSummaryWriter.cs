using System.Text.Json;
using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Hosting.Output;

/// <summary>Writes the end-of-run summary as one JSON document to stdout (<c>run --output json</c>), for scripts and benchmarks.</summary>
internal static class JsonSummaryWriter
{
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(TextWriter writer, PipelineResult outcome, TimeSpan elapsed)
    {
        var document = new
        {
            BatchId = outcome.BatchId,
            Status = "succeeded",
            Seconds = Math.Round(elapsed.TotalSeconds, 3),
            PeakWorkingSetMb = Math.Round(SummaryWriter.PeakWorkingSetMegabytes(), 1),
            Layers = outcome.Tables.GroupBy(s => s.Layer).Select(layer => new
            {
                Layer = layer.Key,
                Seconds = Math.Round((outcome.LayerTimes.TryGetValue(layer.Key, out var t) ? t : TimeSpan.FromTicks(layer.Sum(s => s.Elapsed.Ticks))).TotalSeconds, 3),
                RowsRead = layer.Sum(s => s.RowsRead),
                RowsWritten = layer.Sum(s => s.RowsWritten),
                RowsUnchanged = layer.Sum(s => s.RowsUnchanged),
                RowsQuarantined = layer.Sum(s => s.RowsQuarantined),
            }),
            Tables = outcome.Tables.Select(s => new
            {
                s.Layer,
                s.Table,
                s.RowsRead,
                s.RowsWritten,
                s.RowsUnchanged,
                s.RowsQuarantined,
                Seconds = Math.Round(s.Elapsed.TotalSeconds, 3),
                RowsPerSecond = Math.Round(s.RowsPerSecond),
            }),
        };
        writer.WriteLine(JsonSerializer.Serialize(document, s_options));
    }
}
