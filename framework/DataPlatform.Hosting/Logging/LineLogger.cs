using System.Globalization;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting.Logging;

/// <summary>One category's logger of <see cref="LineLoggerProvider"/>.</summary>
internal sealed class LineLogger(string category, LineLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        if (exception is not null && !message.Contains(exception.Message, StringComparison.Ordinal))
        {
            message += " " + exception.GetType().Name + ": " + exception.Message;
        }

        provider.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"{provider.UtcNow:HH:mm:ss} {Abbreviation(logLevel)}: {category}[{eventId.Id}] {message.ReplaceLineEndings(" ")}"));
    }

    private static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
