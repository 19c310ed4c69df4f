using System.CommandLine;
using DataPlatform.Warehouses.Pagila;
using DataPlatform.Warehouses.Pagila.Commands;
using DataPlatform.Warehouses.Pagila.Embedded;
using DataPlatform.Warehouses.Pagila.Output;
using DataPlatform.Warehouses.Pagila.Running;
using DataPlatform.Warehouses.Pagila.Status;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        cancellation.Cancel();
    });

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddEnvironmentVariables("DATAPLATFORM_");
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
    options.ColorBehavior = Console.IsErrorRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
});
builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddSingleton(logLevel);
builder.Services.AddSingleton(ConsoleOutput.Create());
builder.Services.AddSingleton<WarehousePipeline>();
builder.Services.AddSingleton<RunHandler>();
builder.Services.AddSingleton<StatusHandler>();
builder.Services.AddSingleton<RunCommand>();
builder.Services.AddSingleton<StatusCommand>();
builder.Services.AddSingleton<WarehouseRootCommand>();

using var host = builder.Build();
var rootCommand = host.Services.GetRequiredService<WarehouseRootCommand>();
try
{
    return await rootCommand.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return ExitCodes.Cancelled;
}
catch (Exception exception)
{
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("pagila-warehouse")
        .LogCritical(exception, "Unexpected error: {Message}", exception.Message);
    return ExitCodes.Error;
}
