using System.CommandLine;
using System.Text;
using DataPlatform.DeployDatakit.Datakits;
using DataPlatform.Framework.Schema;
using DataPlatform.Hosting;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary><c>plan</c>: prints (or writes with <c>--output</c>) the SQL that would bring the warehouse in line with the model.</summary>
internal sealed class PlanCommand : DatakitCommand
{
    private static readonly Option<FileInfo?> s_output = new("--output", "-o")
    {
        Description = "Write the SQL to this file instead of stdout.",
    };

    private readonly SchemaDeployer _deployer;

    public PlanCommand(LogLevelSwitch logLevel, DatakitLoader loader, SchemaDeployer deployer)
        : base("plan", "Print the SQL that deploy would run (and the SQL for differences deploy leaves to a person).", logLevel, loader, requiresConnection: true)
    {
        _deployer = deployer;
        Options.Add(s_output);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var script = new StringBuilder();
        foreach (var datakit in context.Datakits)
        {
            await using var dbContext = datakit.CreateContext(context.ConnectionString);
            var result = await _deployer.ValidateAsync(dbContext, context.ConnectionString!, cancellationToken);
            script.Append("-- ").Append(datakit.Marker.Schema).Append(" (").Append(datakit.DisplayName).Append("): ")
                .Append(result.IsValid ? "no changes" : $"{result.Differences.Count} changes").Append('\n');
            if (result.HasInvalidChanges)
            {
                script.Append("-- Statements marked [Invalid] are not run by deploy: review them, they may rewrite or reject data.\n");
            }

            script.Append(result.FixSql).Append('\n');
        }

        var file = context.ParseResult.GetValue(s_output);
        if (file is null)
        {
            await context.Output.WriteAsync(script.ToString());
        }
        else
        {
            await File.WriteAllTextAsync(file.FullName, script.ToString(), cancellationToken);
            await context.Error.WriteLineAsync($"Wrote the plan to {file.FullName}");
        }

        return ExitCodes.Ok;
    }
}
