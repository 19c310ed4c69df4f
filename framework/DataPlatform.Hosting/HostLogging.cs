using DataPlatform.Hosting.Logging;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting;

/// <summary>
/// The one logging setup of DataPlatform hosts: every log line goes to stderr (stdout is for results), one line per
/// message with a UTC timestamp, at the level of a <see cref="LogLevelSwitch"/>; Microsoft and Npgsql categories from
/// Warning up.
/// </summary>
internal static class HostLogging
{
    /// <summary>Replaces the providers of <paramref name="builder"/> with the DataPlatform host logging to <paramref name="error"/>.</summary>
    public static ILoggingBuilder AddDataPlatformHostLogging(this ILoggingBuilder builder, LogLevelSwitch logLevel, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logLevel);
        ArgumentNullException.ThrowIfNull(error);
        builder.ClearProviders();
        builder.SetMinimumLevel(LogLevel.Trace);
        builder.AddFilter((_, level) => logLevel.IsEnabled(level));
        builder.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddFilter("Npgsql", LogLevel.Warning);
        builder.AddProvider(new LineLoggerProvider(error, TimeProvider.System));
        return builder;
    }
}
