using Microsoft.Extensions.Logging;

namespace DataPlatform.Warehouses.Pagila;

/// <summary>The minimum log level, decided after the command line is parsed (<c>--log-level</c>, live progress).</summary>
internal sealed class LogLevelSwitch
{
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= MinimumLevel;
}
