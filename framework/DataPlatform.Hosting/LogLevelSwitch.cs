using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting;

/// <summary>The minimum log level of a host, decided after the command line is parsed (<c>--log-level</c>, live progress).</summary>
internal sealed class LogLevelSwitch
{
    /// <summary>The lowest level written; <see cref="LogLevel.Information"/> until a command changes it.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>Whether a message of <paramref name="level"/> is written.</summary>
    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= MinimumLevel;
}
