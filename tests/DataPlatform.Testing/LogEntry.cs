using Microsoft.Extensions.Logging;

namespace DataPlatform.Testing;

/// <summary>One log message captured by <see cref="ListLoggerProvider"/>.</summary>
/// <param name="Category">Logger category (usually the full type name).</param>
/// <param name="Level">Log level.</param>
/// <param name="EventId">Event id.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The logged exception, if any.</param>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
