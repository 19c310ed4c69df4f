using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>Source-generated log messages of the schema deployer (event ids 1000–1099).</summary>
internal static partial class SchemaLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Comparing {TableCount} tables of {Context} with database {Database} on {Host}")]
    public static partial void Comparing(ILogger logger, int tableCount, string context, string? database, string? host);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Schema of {Context} matches the model")]
    public static partial void NoDifferences(ILogger logger, string context);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Found {Count} differences for {Context} ({InvalidCount} need a person's decision)")]
    public static partial void Differences(ILogger logger, int count, string context, int invalidCount);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "{Change} {Kind} {Name}: {Description}")]
    public static partial void Applying(ILogger logger, string change, string kind, string name, string description);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Running SQL: {Sql}")]
    public static partial void RunningSql(ILogger logger, string sql);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Deployed {Count} changes for {Context} in {ElapsedMs} ms")]
    public static partial void Deployed(ILogger logger, int count, string context, long elapsedMs);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Deploy of {Context} stopped: {Kind} {Name}: {Description}")]
    public static partial void InvalidChange(ILogger logger, string context, string kind, string name, string description);
}
