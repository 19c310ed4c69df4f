using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting;
using DataPlatform.Hosting.Output;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary><c>deploy</c>: creates or updates schemas, tables, keys, indexes, history tables and triggers; never drops data.</summary>
internal sealed class DeployCommand(LogLevelSwitch logLevel, DatakitLoader loader, SchemaDeployer deployer)
    : DatakitCommand("deploy", "Create or update the datakit's schema in the warehouse (idempotent, never drops data).", logLevel, loader, requiresConnection: true)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        foreach (var datakit in context.Datakits)
        {
            await using var dbContext = datakit.CreateContext(context.ConnectionString);
            try
            {
                var result = await deployer.DeployAsync(dbContext, context.ConnectionString!, cancellationToken);
                if (result.HasChanges)
                {
                    await context.Output.WriteLineAsync($"{datakit.Marker.Schema} ({datakit.DisplayName}): applied {result.Applied.Count} changes");
                    await DifferenceWriter.WriteAsync(context.Output, result.Applied);
                }
                else
                {
                    await context.Output.WriteLineAsync($"{datakit.Marker.Schema} ({datakit.DisplayName}): no changes");
                }
            }
            catch (SchemaDriftException exception)
            {
                await context.Output.WriteLineAsync(
                    $"{datakit.Marker.Schema} ({datakit.DisplayName}): deploy stopped, nothing changed; these differences need a person's decision:");
                await DifferenceWriter.WriteAsync(context.Output, exception.Differences.Where(d => d.Change == SchemaChange.Invalid));
                return ExitCodes.SchemaDrift;
            }
        }

        return ExitCodes.Ok;
    }
}
