using Microsoft.Extensions.Logging;

namespace DataPlatform.LocalPostgres;

/// <summary>Log messages of the local cluster (event ids 6000-6099).</summary>
internal static partial class LocalPostgresLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Creating PostgreSQL cluster in {DataDirectory} with {InitDb}")]
    public static partial void Initializing(ILogger logger, string dataDirectory, string initDb);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Reusing existing PostgreSQL cluster in {DataDirectory}")]
    public static partial void Reusing(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Starting PostgreSQL on 127.0.0.1:{Port} (data {DataDirectory}, log {LogFile})")]
    public static partial void Starting(ILogger logger, int port, string dataDirectory, string logFile);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "PostgreSQL is already running on port {Port} (data {DataDirectory}); leaving it running afterwards")]
    public static partial void AlreadyRunning(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Port {Port} was taken before PostgreSQL could bind it; retrying with another port")]
    public static partial void PortTaken(ILogger logger, int port);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Stopping PostgreSQL on port {Port}")]
    public static partial void Stopping(ILogger logger, int port);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "Deleting cluster directory {Directory}")]
    public static partial void Deleting(ILogger logger, string directory);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Could not clean up the PostgreSQL cluster in {Directory}")]
    public static partial void CleanupFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Debug, Message = "Running {CommandLine}")]
    public static partial void Running(ILogger logger, string commandLine);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Information, Message = "Sweeping leaked ephemeral PostgreSQL cluster {Directory}: its owner process {OwnerProcessId} is gone")]
    public static partial void SweepingOrphaned(ILogger logger, string directory, int ownerProcessId);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Sweeping abandoned ephemeral PostgreSQL cluster {Directory}: no owner lease and no server for {IdleMinutes} minutes")]
    public static partial void SweepingAbandoned(ILogger logger, string directory, int idleMinutes);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Stopping leaked PostgreSQL server {ProcessId} of {DataDirectory}")]
    public static partial void StoppingLeakedServer(ILogger logger, int processId, string dataDirectory);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Could not sweep leaked PostgreSQL cluster {Directory}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning, Message = "The PostgreSQL cluster in {DataDirectory} used trust authentication: giving the postgres user a random password and requiring it (scram-sha-256)")]
    public static partial void Securing(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Debug, Message = "Leaving {Directory} alone: {Reason}")]
    public static partial void LeftAlone(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Information, Message = "Removing PostgreSQL cluster {Directory}: it was kept outside {PreferredDirectory}, which no longer exists")]
    public static partial void RemovingRelocated(ILogger logger, string directory, string preferredDirectory);

    [LoggerMessage(EventId = 6016, Level = LogLevel.Warning, Message = "Could not remove PostgreSQL cluster {Directory} kept outside its checkout")]
    public static partial void RelocatedRemovalFailed(ILogger logger, Exception exception, string directory);
}
