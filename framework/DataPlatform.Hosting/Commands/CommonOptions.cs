using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting.Commands;

/// <summary>Options shared by every verb (recursive on the root command) and by the connection-taking verbs.</summary>
internal static class CommonOptions
{
    public static readonly Option<LogLevel> LogLevel = new("--log-level", "-l")
    {
        Description = "Minimum level of the log lines written to stderr (Trace, Debug, Information, Warning, Error, None).",
        Recursive = true,
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
    };

    public static readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "Never show the live progress display; write throttled progress log lines instead (also when CI=true or output is redirected).",
        Recursive = true,
    };

    public static Option<string?> Warehouse() => new("--warehouse", "-w")
    {
        Description = $"Connection string of the warehouse database (fallback: ${EnvironmentVariables.Warehouse}). "
            + "Omit both to use the embedded local PostgreSQL cluster under .dataplatform/.",
    };

    public static Option<string?> DataDirectory() => new("--data-dir")
    {
        Description = $"Directory of the embedded cluster (fallback: ${EnvironmentVariables.Home}; default: <repository root or current directory>/.dataplatform).",
    };
}
