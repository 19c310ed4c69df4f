using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Ledger;

/// <summary>Log messages of the batch ledger.</summary>
internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Batch {BatchId} of pipeline {Pipeline} started")]
    public static partial void Started(ILogger logger, long batchId, string pipeline);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Batch {BatchId} {Status}")]
    public static partial void Finished(ILogger logger, long batchId, string status);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Batch {BatchId} was abandoned by its process and is now marked failed")]
    public static partial void Abandoned(ILogger logger, long batchId);
}
