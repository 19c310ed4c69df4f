using System.CommandLine;
using DataPlatform.DeployDatakit.Commands;
using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.Framework.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DataPlatform.DeployDatakit;

/// <summary>
/// The composition root: a host with logging to stderr (levels from <c>--log-level</c>) and the commands, then one
/// invocation of the root command. Results go to <paramref name="output"/> (stdout), messages and logs to stderr.
/// Tests call <see cref="RunAsync"/> in-process with their own writers.
/// </summary>
internal static class DeployDatakitHost
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var logLevel = new LogLevelSwitch();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => logLevel.IsEnabled(level));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
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
            await error.WriteLineAsync($"Unexpected error: {exception.Message}");
            return ExitCodes.Error;
        }
    }
}
