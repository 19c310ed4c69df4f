using System.CommandLine;

namespace DataPlatform.Hosting.Commands;

/// <summary>A warehouse's root command: its description, the shared options and the verbs.</summary>
internal sealed class WarehouseRootCommand : RootCommand
{
    public WarehouseRootCommand(
        WarehouseHostDefinition definition, RunCommand run, StatusCommand status, DeployCommand deploy, ValidateCommand validate, PlanCommand plan)
        : base(
            definition.Description + "\n\n"
            + "Exit codes: 0 ok, 1 usage or unexpected error, 2 schema drift, 3 cannot connect, 4 another run holds the lock,\n"
            + "5 data rejected beyond the allowed threshold, 130 cancelled.")
    {
        Options.Add(CommonOptions.LogLevel);
        Options.Add(CommonOptions.NoProgress);
        Subcommands.Add(run);
        Subcommands.Add(status);
        Subcommands.Add(deploy);
        Subcommands.Add(validate);
        Subcommands.Add(plan);
    }
}
