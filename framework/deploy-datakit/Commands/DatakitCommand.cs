using System.CommandLine;
using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary>
/// Base of the verbs: reads <c>--datakit</c>/<c>--connection</c>/<c>--log-level</c>, loads the datakits, runs the verb,
/// and turns the expected failures into exit codes (1 usage, 3 cannot connect) with one message on stderr.
/// </summary>
internal abstract class DatakitCommand : Command
{
    private readonly LogLevelSwitch _logLevel;
    private readonly DatakitLoader _loader;

    protected DatakitCommand(string name, string description, LogLevelSwitch logLevel, DatakitLoader loader, bool requiresConnection)
        : base(name, description)
    {
        _logLevel = logLevel;
        _loader = loader;
        Options.Add(CommonOptions.Datakit);
        Options.Add(CommonOptions.Connection);
        SetAction(async (parseResult, cancellationToken) =>
        {
            _logLevel.MinimumLevel = parseResult.GetValue(CommonOptions.LogLevel);
            var error = parseResult.InvocationConfiguration.Error;
            var connection = parseResult.GetValue(CommonOptions.Connection);
            if (string.IsNullOrWhiteSpace(connection))
            {
                connection = Environment.GetEnvironmentVariable(CommonOptions.ConnectionVariable);
            }

            if (requiresConnection && string.IsNullOrWhiteSpace(connection))
            {
                await error.WriteLineAsync($"No connection string: pass --connection or set {CommonOptions.ConnectionVariable}.");
                return ExitCodes.Error;
            }

            DatakitSet datakits;
            try
            {
                datakits = _loader.Load(parseResult.GetValue(CommonOptions.Datakit) ?? []);
            }
            catch (DatakitLoadException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return ExitCodes.Error;
            }

            using (datakits)
            {
                try
                {
                    return await ExecuteAsync(
                        new CommandContext(datakits.Datakits, connection, parseResult, parseResult.InvocationConfiguration.Output, error),
                        cancellationToken);
                }
                catch (SchemaConnectionException exception)
                {
                    await error.WriteLineAsync(exception.Message);
                    return ExitCodes.CannotConnect;
                }
                catch (DatakitLoadException exception)
                {
                    await error.WriteLineAsync(exception.Message);
                    return ExitCodes.Error;
                }
            }
        });
    }

    protected abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);

    /// <summary>What a verb works with.</summary>
    protected sealed record CommandContext(
        IReadOnlyList<LoadedDatakit> Datakits, string? ConnectionString, ParseResult ParseResult, TextWriter Output, TextWriter Error);
}
