using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>The extraction engine's log messages (category <c>DataPlatform.Framework.Extraction.BronzeLayer</c>).</summary>
internal static partial class ExtractionLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Bronze extraction of batch {BatchId} starting: {TableCount} tables, full refresh {FullRefresh}")]
    public static partial void RunStarting(ILogger logger, long batchId, int tableCount, bool fullRefresh);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Extracting {Table} ({Policy}) from cursor {Cursor} (full refresh {FullRefresh}, {KnownKeys} known hashes)")]
    public static partial void TableStarting(ILogger logger, string table, string policy, string cursor, bool fullRefresh, int knownKeys);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Extracted {Table}: {RowsRead} read, {RowsInserted} appended, {RowsUnchanged} unchanged, {RowsDeleted} deletes in {Seconds:0.000} s")]
    public static partial void TableFinished(ILogger logger, string table, long rowsRead, long rowsInserted, long rowsUnchanged, long rowsDeleted, double seconds);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "{Table}: {Rows} rows are stamped after {Limit:O} (future-dated, or written by a source transaction still open); the cursor stops there and the next run reads them again")]
    public static partial void RowsAfterCursorLimit(ILogger logger, string table, long rows, DateTime limit);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Bronze extraction of batch {BatchId} finished: {RowsRead} read, {RowsWritten} written in {Seconds:0.000} s")]
    public static partial void RunFinished(ILogger logger, long batchId, long rowsRead, long rowsWritten, double seconds);
}
