using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Pipelines;

/// <summary>Log messages of the pipeline runner (event ids 4500-4599).</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 4500, Level = LogLevel.Warning, Message = "Marked {Count} abandoned batch(es) as failed (a previous run was killed): {BatchIds}")]
    public static partial void AbandonedBatches(ILogger logger, int count, string batchIds);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Batch {BatchId} of pipeline {Pipeline} started")]
    public static partial void BatchStarted(ILogger logger, long batchId, string pipeline);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Layer {Layer} started")]
    public static partial void LayerStarted(ILogger logger, string layer);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Information, Message = "Layer {Layer} done in {Seconds:F2} s")]
    public static partial void LayerCompleted(ILogger logger, string layer, double seconds);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Information, Message = "Batch {BatchId} succeeded in {Seconds:F1} s")]
    public static partial void BatchSucceeded(ILogger logger, long batchId, double seconds);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Error, Message = "Batch {BatchId} could not be marked failed: {Message}")]
    public static partial void CannotMarkFailed(ILogger logger, Exception exception, long batchId, string message);
}
