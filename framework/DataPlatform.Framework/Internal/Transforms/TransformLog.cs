using DataPlatform.Framework.Transforms;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Log messages of the transform runner (category <c>DataPlatform.Transforms</c>).</summary>
internal static partial class TransformLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Transform {Transform} into {Table}: {Sql}")]
    public static partial void Statement(ILogger logger, string transform, string table, string sql);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Transform {Transform} into {Table}: read {Read}, written {Written} (inserted {Inserted}, updated {Updated}, unchanged {Unchanged}), quarantined {Quarantined} in {ElapsedMs} ms")]
    public static partial void Completed(ILogger logger, string transform, string table, long read, long written, long inserted, long updated, long unchanged, long quarantined, long elapsedMs);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information,
        Message = "SCD2 merge {Transform} into {Table}: read {Read}, first versions {First}, new versions {NewVersions}, closed {Closed}, unchanged {Unchanged}, quarantined {Quarantined} in {ElapsedMs} ms")]
    public static partial void Scd2Completed(ILogger logger, string transform, string table, long read, long first, long newVersions, long closed, long unchanged, long quarantined, long elapsedMs);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug,
        Message = "Transform {Transform} into {Table}: {Rows} new rows are written as a bulk batch (foreign keys re-added and checked once after the write)")]
    public static partial void BulkWrite(ILogger logger, string transform, string table, long rows);
}
