using System.CommandLine;

namespace DataPlatform.Hosting.Commands;

/// <summary>A warehouse's root command: its description, the shared options and the verbs.</summary>
internal sealed class WarehouseRootCommand : RootCommand
{
    public WarehouseRootCommand(
        WarehouseHostDefinition definition,
        RunCommand run,
        StatusCommand status,
        QuarantineCommand quarantine,
        DeployCommand deploy,
        ValidateCommand validate,
        PlanCommand plan)
        : base(
            Help(definition)
            + "Exit codes: 0 ok, 1 usage or unexpected error, 2 schema drift, 3 cannot connect, 4 another run holds the lock,\n"
            + "5 data rejected beyond the allowed threshold, 130 cancelled.")
    {
        Options.Add(CommonOptions.LogLevel);
        Options.Add(CommonOptions.NoProgress);
        Subcommands.Add(run);
        Subcommands.Add(status);
        Subcommands.Add(quarantine);
        Subcommands.Add(deploy);
        Subcommands.Add(validate);
        Subcommands.Add(plan);
    }

    private static string Help(WarehouseHostDefinition definition)
    {
        var name = definition.CommandName;
        var help = $"{definition.Description}: source -> bronze -> silver -> gold in PostgreSQL, as one batch.\n\n";
        if (definition.SyntheticSource is not null)
        {
            help += "Quick start (needs only the .NET SDK and the PostgreSQL server binaries):\n"
                + $"  {name} run".PadRight(32) + $"generates a synthetic {definition.SyntheticSource.Name} source and loads every layer into a local\n"
                + new string(' ', 32) + "cluster under .dataplatform/ (started and stopped by the run)\n"
                + $"  {name} status".PadRight(32) + "shows the last batches\n"
                + $"  {name} quarantine".PadRight(32) + "shows the rows that failed a rule\n\n";
        }

        return help + "Against your own databases:\n"
            + $"  {name} run --source \"Host=...;Database={definition.Pipeline.Name};Username=...\" --warehouse \"Host=...;Database=dw;Username=...\"\n\n";
    }
}
