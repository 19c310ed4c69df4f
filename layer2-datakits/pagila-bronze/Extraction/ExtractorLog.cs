using Microsoft.Extensions.Logging;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>The extractor's log messages (category <c>DataPlatform.Datakits.Pagila.Bronze.PagilaBronzeExtractor</c>).</summary>
internal static partial class ExtractorLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Bronze extraction of batch {BatchId} starting: {TableCount} tables, full refresh {FullRefresh}, safety lag {SafetyLag}")]
    public static partial void RunStarting(ILogger logger, long batchId, int tableCount, bool fullRefresh, TimeSpan safetyLag);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Extracting {Table} from cursor {Cursor} (full refresh {FullRefresh}, {WindowKeys} keys in the lag window)")]
    public static partial void TableStarting(ILogger logger, string table, string cursor, bool fullRefresh, int windowKeys);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Extracted {Table}: {RowsRead} read, {RowsWritten} written, {RowsUnchanged} unchanged, {RowsDeleted} deletes in {Seconds:0.000} s")]
    public static partial void TableFinished(ILogger logger, string table, long rowsRead, long rowsWritten, long rowsUnchanged, long rowsDeleted, double seconds);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Bronze extraction of batch {BatchId} finished: {RowsRead} read, {RowsWritten} written in {Seconds:0.000} s")]
    public static partial void RunFinished(ILogger logger, long batchId, long rowsRead, long rowsWritten, double seconds);
}
