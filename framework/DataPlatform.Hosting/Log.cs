using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting;

/// <summary>The host's log messages (event ids 7000-7099).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "{Description}")]
    public static partial void Phase(ILogger logger, string description);

    [LoggerMessage(7001, LogLevel.Information, "{Layer}.{Table}: started")]
    public static partial void TableStarted(ILogger logger, string layer, string table);

    [LoggerMessage(7003, LogLevel.Information, "{Layer}.{Table}: read {RowsRead}, written {RowsWritten}, unchanged {RowsUnchanged}, quarantined {RowsQuarantined} in {Seconds:F2} s")]
    public static partial void TableCompleted(ILogger logger, string layer, string table, long rowsRead, long rowsWritten, long rowsUnchanged, long rowsQuarantined, double seconds);

    [LoggerMessage(7020, LogLevel.Information, "Running pipeline {Pipeline} (warehouse {Warehouse}, source {Source})")]
    public static partial void RunStarting(ILogger logger, string pipeline, string warehouse, string source);

    [LoggerMessage(7022, LogLevel.Error, "Batch {BatchId} failed: {Message}")]
    public static partial void BatchFailed(ILogger logger, Exception exception, long batchId, string message);

    [LoggerMessage(7030, LogLevel.Error, "Another run of this pipeline holds the lock on warehouse {Warehouse}; try again when it has finished")]
    public static partial void LockHeld(ILogger logger, string warehouse);

    [LoggerMessage(7032, LogLevel.Error, "{Message}")]
    public static partial void SetupError(ILogger logger, string message);

    [LoggerMessage(7033, LogLevel.Error, "Layer {Layer} refused {Rejected} rows (quarantine) against {Total} rows it holds plus those refused: {Share:P1}, more than the allowed {Allowed:P1} (--max-rejected-rate)")]
    public static partial void DataRejected(ILogger logger, string layer, long rejected, long total, double share, double allowed);

    [LoggerMessage(7034, LogLevel.Error, "Schema drift in the warehouse: {Message}")]
    public static partial void SchemaDrift(ILogger logger, string message);

    [LoggerMessage(7035, LogLevel.Information, "Creating the warehouse database {Warehouse}")]
    public static partial void CreatingDatabase(ILogger logger, string warehouse);

    [LoggerMessage(7036, LogLevel.Error, "Unexpected error: {Message}")]
    public static partial void Unexpected(ILogger logger, Exception exception, string message);

    [LoggerMessage(7040, LogLevel.Information, "Starting the embedded PostgreSQL cluster in {Directory}")]
    public static partial void EmbeddedStarting(ILogger logger, string directory);

    [LoggerMessage(7041, LogLevel.Information, "The 'postgres' user cannot reach {Preferred}; the embedded cluster lives in {Reachable} ({Preferred} links to it)")]
    public static partial void EmbeddedRelocated(ILogger logger, string preferred, string reachable);

    [LoggerMessage(7042, LogLevel.Information, "Generating the synthetic {Source} source (scale {Scale}, {Defects}) in database {Database}")]
    public static partial void GeneratingSource(ILogger logger, string source, double scale, string defects, string database);

    [LoggerMessage(7043, LogLevel.Information, "Synthetic source in database {Database} is up to date (scale {Scale}, {Defects})")]
    public static partial void SourceUpToDate(ILogger logger, string database, double scale, string defects);

    [LoggerMessage(7044, LogLevel.Information, "The embedded cluster stays up: {Sessions} other session(s) still use it; the last run to finish stops it")]
    public static partial void EmbeddedHandedOver(ILogger logger, long sessions);

    [LoggerMessage(7045, LogLevel.Warning, "Could not check the embedded cluster's other sessions: {Reason}")]
    public static partial void EmbeddedHandoverFailed(ILogger logger, Exception exception, string reason);
}
