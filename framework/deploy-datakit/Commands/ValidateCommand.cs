using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting;
using DataPlatform.Hosting.Output;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary><c>validate</c>: compares the warehouse with the model; exit 2 and the fixing SQL when they differ.</summary>
internal sealed class ValidateCommand(LogLevelSwitch logLevel, DatakitLoader loader, SchemaDeployer deployer)
    : DatakitCommand("validate", "Compare the warehouse with the datakit's model; exit 2 and print the SQL that fixes each difference.", logLevel, loader, requiresConnection: true)
{
    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var drift = false;
        foreach (var datakit in context.Datakits)
        {
            await using var dbContext = datakit.CreateContext(context.ConnectionString);
            var result = await deployer.ValidateAsync(dbContext, context.ConnectionString!, cancellationToken);
            if (result.IsValid)
            {
                await context.Output.WriteLineAsync($"{datakit.Marker.Schema} ({datakit.DisplayName}): matches the model");
                continue;
            }

            drift = true;
            await context.Output.WriteLineAsync($"{datakit.Marker.Schema} ({datakit.DisplayName}): {result.Differences.Count} differences");
            await DifferenceWriter.WriteAsync(context.Output, result.Differences);
        }

        return drift ? ExitCodes.SchemaDrift : ExitCodes.Ok;
    }
}
