using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary>Options shared by the verbs.</summary>
internal static class CommonOptions
{
    public const string ConnectionVariable = "DATAPLATFORM_WAREHOUSE";

    public static readonly Option<string[]> Datakit = new("--datakit", "-d")
    {
        Description = "Datakit assembly (.dll) or NuGet package (.nupkg); repeat for several (datakits another datakit depends on).",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<string?> Connection = new("--connection", "-c")
    {
        Description = $"Warehouse connection string (default: the {ConnectionVariable} environment variable).",
    };

    public static readonly Option<LogLevel> LogLevel = new("--log-level", "-l")
    {
        Description = "Minimum level of the log lines written to stderr.",
        Recursive = true,
        DefaultValueFactory = _ => Microsoft.Extensions.Logging.LogLevel.Information,
    };
}
