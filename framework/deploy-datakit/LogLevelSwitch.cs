using Microsoft.Extensions.Logging;

namespace DataPlatform.DeployDatakit;

/// <summary>The minimum log level, decided once the command line is parsed (<c>--log-level</c>).</summary>
internal sealed class LogLevelSwitch
{
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= MinimumLevel;
}
