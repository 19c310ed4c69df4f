using System.CommandLine;
using DataPlatform.DeployDatakit.Commands;
using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.DeployDatakit;

/// <summary>
/// The composition root: a host with logging to stderr (levels from <c>--log-level</c>) and the commands, then one
/// invocation of the root command. Results go to <paramref name="output"/> (stdout), messages and logs to <paramref name="error"/> (stderr),
/// with the logging, exit codes and signal handling of DataPlatform.Hosting.
/// Tests call <see cref="RunAsync"/> in-process with their own writers.
/// </summary>
internal static class DeployDatakitHost
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var logLevel = new LogLevelSwitch();
        builder.Logging.AddDataPlatformHostLogging(logLevel, error);
        builder.Services.AddSingleton(logLevel);
        builder.Services.AddSingleton(sp => new SchemaDeployer(sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<DatakitLoader>();
        builder.Services.AddSingleton<DeployCommand>();
        builder.Services.AddSingleton<ValidateCommand>();
        builder.Services.AddSingleton<PlanCommand>();
        builder.Services.AddSingleton<ListCommand>();
        builder.Services.AddSingleton<DeployDatakitRootCommand>();

        using var host = builder.Build();
        var rootCommand = host.Services.GetRequiredService<DeployDatakitRootCommand>();
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error };
        try
        {
            return await rootCommand.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("deploy-datakit")
                .LogCritical(exception, "Unexpected error: {Message}", exception.Message);
            return ExitCodes.Error;
        }
    }
}
