using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataPlatform.Framework.Pipelines;
using static DataPlatform.Framework.Telemetry.DataPlatformTelemetry;

namespace DataPlatform.Framework.Internal.Telemetry;

/// <summary>
/// The framework's one <see cref="Meter"/> and one <see cref="ActivitySource"/> (names in
/// <see cref="Framework.Telemetry.DataPlatformTelemetry"/>). Without a listener, starting a span returns null and recording
/// a measurement costs a branch.
/// </summary>
internal static class PipelineTelemetry
{
    private static readonly Meter s_meter = new(Name, typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString());
    private static readonly ActivitySource s_source = new(Name, typeof(PipelineTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> s_rowsRead = s_meter.CreateCounter<long>(RowsRead, "{row}", "Rows a layer read for a table.");
    private static readonly Counter<long> s_rowsWritten = s_meter.CreateCounter<long>(RowsWritten, "{row}", "Input rows now represented in a table.");
    private static readonly Counter<long> s_rowsQuarantined = s_meter.CreateCounter<long>(RowsQuarantined, "{row}", "Rows sent to the quarantine.");
    private static readonly Counter<long> s_batches = s_meter.CreateCounter<long>(Batches, "{batch}", "Batches finished, by outcome.");

    // Table steps take from milliseconds (a small dimension) to minutes (a large fact at scale).
    private static readonly Histogram<double> s_stepDuration = s_meter.CreateHistogram(
        StepDuration,
        "s",
        "Wall-clock time of a layer's step on one table.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });

    public static Activity? StartBatch(string pipeline)
    {
        var activity = s_source.StartActivity(BatchSpan, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"batch {pipeline}";
            activity.SetTag(PipelineTag, pipeline);
        }

        return activity;
    }

    public static Activity? StartLayer(string pipeline, string layer)
    {
        var activity = s_source.StartActivity(LayerSpan, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"layer {layer}";
            activity.SetTag(PipelineTag, pipeline);
            activity.SetTag(LayerTag, layer);
        }

        return activity;
    }

    public static Activity? StartTable(string layer, string table)
    {
        var activity = s_source.StartActivity(TableSpan, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.DisplayName = $"{layer} {table}";
            activity.SetTag(LayerTag, layer);
            activity.SetTag(TableTag, table);
        }

        return activity;
    }

    /// <summary>Marks a span failed with OpenTelemetry's error status, <c>error.type</c> and an exception event.</summary>
    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag(ErrorTypeTag, exception.GetType().FullName);
        activity.AddException(exception);
    }

    /// <summary>Records one committed table of a layer: the same figures as its ledger row.</summary>
    public static void TableCompleted(string pipeline, TableResult result)
    {
        var tags = new TagList { { PipelineTag, pipeline }, { LayerTag, result.Layer }, { TableTag, result.Table } };
        s_rowsRead.Add(result.RowsRead, tags);
        s_rowsWritten.Add(result.RowsWritten, tags);
        s_stepDuration.Record(result.Elapsed.TotalSeconds, tags);

        var byRule = 0L;
        foreach (var (rule, rows) in result.RowsQuarantinedByRule)
        {
            var ruleTags = tags;
            ruleTags.Add(RuleTag, rule);
            s_rowsQuarantined.Add(rows, ruleTags);
            byRule += rows;
        }

        // Layers that count quarantined rows without naming the rules (or a table whose count differs from its entries).
        if (result.RowsQuarantined != byRule)
        {
            s_rowsQuarantined.Add(result.RowsQuarantined - byRule, tags);
        }
    }

    public static void BatchFinished(string pipeline, string outcome, Exception? exception = null)
    {
        var tags = new TagList { { PipelineTag, pipeline }, { OutcomeTag, outcome } };
        if (exception is not null)
        {
            tags.Add(ErrorTypeTag, exception.GetType().FullName);
        }

        s_batches.Add(1, tags);
    }
}
