using Microsoft.Extensions.Logging;

namespace DataPlatform.Testing;

/// <summary>Sends fixture logs as xunit diagnostic messages (shown when diagnostic messages are enabled for the run).</summary>
internal sealed class DiagnosticMessageLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new DiagnosticLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class DiagnosticLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            TestContext.Current.SendDiagnosticMessage($"[{logLevel}] {category}: {formatter(state, exception)}");
        }
    }
}
