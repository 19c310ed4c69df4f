using System.CommandLine;
using DataPlatform.Hosting.Commands;
using DataPlatform.Hosting.Output;
using DataPlatform.Hosting.Quarantine;
using DataPlatform.Hosting.Running;
using DataPlatform.Hosting.Schema;
using DataPlatform.Hosting.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Hosting;

/// <summary>
/// The command line of a warehouse: <c>run</c>, <c>status</c>, <c>quarantine</c>, <c>deploy</c>, <c>validate</c> and <c>plan</c> for the
/// pipeline of a <see cref="WarehouseHostDefinition"/>. A warehouse's <c>Program.cs</c> is
/// <c>return await WarehouseHost.RunAsync(definition, args);</c>.
/// </summary>
public static class WarehouseHost
{
    /// <summary>
    /// The key of a pipeline's run lock, a session-level <c>pg_advisory_lock</c> that <c>run</c> holds on the warehouse
    /// database for its whole duration: a second run of the same pipeline exits 4 at once, while a run of another pipeline
    /// sharing the database (its own schemas, the same ledger) may overlap.
    /// </summary>
    public static long RunLockKey(string pipelineName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipelineName);
        return RunLock.KeyFor(pipelineName);
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the verb; returns the exit code (<see cref="ExitCodes"/>). Without
    /// <paramref name="io"/> it writes to the process's console and turns Ctrl+C and SIGTERM into cancellation (exit
    /// 130); with it (tests, in-process) it writes to the given writers, and <paramref name="cancellationToken"/> alone cancels.
    /// </summary>
    public static async Task<int> RunAsync(
        WarehouseHostDefinition definition, string[] args, WarehouseHostIO? io = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(args);
        io ??= WarehouseHostIO.Console;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = io.IsProcessConsole ? HostSignals.CancelOnSignals(cancellation) : null;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        var logLevel = new LogLevelSwitch();
        builder.Logging.AddDataPlatformHostLogging(logLevel, io.Error);
        builder.Services.AddSingleton(logLevel);
        builder.Services.AddSingleton(definition);
        builder.Services.AddSingleton(ConsoleOutput.Create(io));
        builder.Services.AddSingleton<RunHandler>();
        builder.Services.AddSingleton<StatusHandler>();
        builder.Services.AddSingleton<QuarantineHandler>();
        builder.Services.AddSingleton<SchemaHandler>();
        builder.Services.AddSingleton<RunCommand>();
        builder.Services.AddSingleton<StatusCommand>();
        builder.Services.AddSingleton<QuarantineCommand>();
        builder.Services.AddSingleton<DeployCommand>();
        builder.Services.AddSingleton<ValidateCommand>();
        builder.Services.AddSingleton<PlanCommand>();
        builder.Services.AddSingleton<WarehouseRootCommand>();

        using var host = builder.Build();
        var rootCommand = host.Services.GetRequiredService<WarehouseRootCommand>();
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = io.Out, Error = io.Error };
        try
        {
            return await rootCommand.Parse(args).InvokeAsync(configuration, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await io.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            Log.Unexpected(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(definition.CommandName), exception, exception.Message);
            return ExitCodes.Error;
        }
    }
}
