using System.CommandLine;

namespace DataPlatform.DeployDatakit.Commands;

/// <summary>The <c>deploy-datakit</c> root command with the four verbs and the recursive <c>--log-level</c>.</summary>
internal sealed class DeployDatakitRootCommand : RootCommand
{
    public DeployDatakitRootCommand(DeployCommand deploy, ValidateCommand validate, PlanCommand plan, ListCommand list)
        : base("Deploy, validate, plan or list the database schema of DataPlatform datakits (assemblies or NuGet packages).")
    {
        Options.Add(CommonOptions.LogLevel);
        Subcommands.Add(deploy);
        Subcommands.Add(validate);
        Subcommands.Add(plan);
        Subcommands.Add(list);
    }
}
