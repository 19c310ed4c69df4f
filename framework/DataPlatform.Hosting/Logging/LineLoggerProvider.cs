using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting.Logging;

/// <summary>
/// Writes each log message as one line to a <see cref="TextWriter"/> (stderr, or a test's writer), in the format of the
/// simple console logger: <c>HH:mm:ss info: Category[EventId] Message</c>, UTC, exceptions folded into the line.
/// </summary>
internal sealed class LineLoggerProvider(TextWriter writer, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, this);

    public void Dispose()
    {
    }

    internal void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    internal DateTimeOffset UtcNow => time.GetUtcNow();
}
