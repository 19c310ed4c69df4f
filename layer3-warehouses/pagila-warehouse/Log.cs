using Microsoft.Extensions.Logging;

namespace DataPlatform.Warehouses.Pagila;

/// <summary>The host's log messages (event ids 7000-7099).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "{Description}")]
    public static partial void Phase(ILogger logger, string description);

    [LoggerMessage(7001, LogLevel.Information, "{Layer}.{Table}: started")]
    public static partial void TableStarted(ILogger logger, string layer, string table);

    [LoggerMessage(7003, LogLevel.Information, "{Layer}.{Table}: read {RowsRead}, written {RowsWritten}, quarantined {RowsQuarantined} in {Seconds:F2} s")]
    public static partial void TableCompleted(ILogger logger, string layer, string table, long rowsRead, long rowsWritten, long rowsQuarantined, double seconds);

    [LoggerMessage(7010, LogLevel.Information, "Layer {Layer} started")]
    public static partial void LayerStarted(ILogger logger, string layer);

    [LoggerMessage(7011, LogLevel.Information, "Layer {Layer} done in {Seconds:F2} s")]
    public static partial void LayerCompleted(ILogger logger, string layer, double seconds);

    [LoggerMessage(7020, LogLevel.Information, "Batch {BatchId} started (warehouse {Warehouse}, source {Source})")]
    public static partial void BatchStarted(ILogger logger, long batchId, string warehouse, string source);

    [LoggerMessage(7021, LogLevel.Information, "Batch {BatchId} succeeded in {Seconds:F1} s")]
    public static partial void BatchSucceeded(ILogger logger, long batchId, double seconds);

    [LoggerMessage(7022, LogLevel.Error, "Batch {BatchId} failed: {Message}")]
    public static partial void BatchFailed(ILogger logger, Exception exception, long batchId, string message);

    [LoggerMessage(7023, LogLevel.Warning, "Marked {Count} abandoned batch(es) as failed (a previous run was killed): {BatchIds}")]
    public static partial void AbandonedBatches(ILogger logger, int count, string batchIds);

    [LoggerMessage(7030, LogLevel.Error, "Another run holds the lock on warehouse {Warehouse}; try again when it has finished")]
    public static partial void LockHeld(ILogger logger, string warehouse);

    [LoggerMessage(7031, LogLevel.Error, "Cannot connect to {Database}: {Message}")]
    public static partial void CannotConnect(ILogger logger, string database, string message);

    [LoggerMessage(7032, LogLevel.Error, "{Message}")]
    public static partial void SetupError(ILogger logger, string message);

    [LoggerMessage(7033, LogLevel.Error, "Silver refused {Rejected} rows (quarantine) against {Total} rows it holds plus those refused: {Share:P1}, more than the allowed {Allowed:P1} (--max-rejected-rate)")]
    public static partial void DataRejected(ILogger logger, long rejected, long total, double share, double allowed);

    [LoggerMessage(7034, LogLevel.Error, "Schema drift in the warehouse: {Message}")]
    public static partial void SchemaDrift(ILogger logger, string message);

    [LoggerMessage(7035, LogLevel.Information, "Creating the warehouse database {Warehouse}")]
    public static partial void CreatingDatabase(ILogger logger, string warehouse);

    [LoggerMessage(7040, LogLevel.Information, "Starting the embedded PostgreSQL cluster in {Directory}")]
    public static partial void EmbeddedStarting(ILogger logger, string directory);

    [LoggerMessage(7041, LogLevel.Information, "Stopping the embedded PostgreSQL cluster")]
    public static partial void EmbeddedStopping(ILogger logger);

    [LoggerMessage(7042, LogLevel.Information, "Generating the synthetic Pagila source (scale {Scale}, dirty rate {DirtyRate}) in database {Database}")]
    public static partial void GeneratingSource(ILogger logger, double scale, double dirtyRate, string database);

    [LoggerMessage(7043, LogLevel.Information, "Synthetic source in database {Database} is up to date (scale {Scale}, dirty rate {DirtyRate})")]
    public static partial void SourceUpToDate(ILogger logger, string database, double scale, double dirtyRate);
}
