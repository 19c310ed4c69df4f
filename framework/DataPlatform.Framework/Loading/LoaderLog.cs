using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Loading;

/// <summary>Log messages of the loader (category <c>DataPlatform.Framework.Loading.BulkDataLoader</c>).</summary>
internal static partial class LoaderLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Loading {Table} ({Mode}, batch {BatchId})")]
    public static partial void Starting(ILogger logger, string table, BulkLoadMode mode, long? batchId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Loaded {Table} ({Mode}): {RowsRead} read, {RowsInserted} inserted, {RowsUpdated} updated, {RowsDeactivated} deactivated, {RowsDeleted} deleted in {Seconds:F2} s")]
    public static partial void Loaded(ILogger logger, string table, BulkLoadMode mode, long rowsRead, long rowsInserted, long rowsUpdated, long rowsDeactivated, long rowsDeleted, double seconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Transient failure loading {Table}, attempt {Attempt}; retrying the whole load")]
    public static partial void Retrying(ILogger logger, Exception exception, string table, int attempt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Duplicate keys in the input of {Table}; upserting the last row per key")]
    public static partial void Deduplicating(ILogger logger, string table);
}
