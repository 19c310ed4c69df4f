using Microsoft.Extensions.Logging;

namespace DataPlatform.Testing;

/// <summary>
/// A logger provider that keeps every message in memory, so that a test can assert what was logged
/// (e.g. <c>Assert.Contains(provider.Entries, e =&gt; e.EventId.Id == 2001)</c>).
/// </summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly List<LogEntry> _entries = [];

    /// <summary>A snapshot of the captured messages, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>The captured messages' text, oldest first.</summary>
    public IReadOnlyList<string> Messages => Entries.Select(entry => entry.Message).ToArray();

    /// <summary>Forgets the captured messages.</summary>
    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    private sealed class ListLogger(ListLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            provider.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
