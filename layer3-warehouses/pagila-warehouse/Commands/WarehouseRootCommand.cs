using System.CommandLine;

namespace DataPlatform.Warehouses.Pagila.Commands;

/// <summary>The <c>pagila-warehouse</c> root command: the shared options and the <c>run</c> and <c>status</c> verbs.</summary>
internal sealed class WarehouseRootCommand : RootCommand
{
    public WarehouseRootCommand(RunCommand run, StatusCommand status)
        : base(
            "Loads the Pagila DVD-rental warehouse: source -> bronze -> silver -> gold in PostgreSQL, as one batch.\n\n"
            + "Quick start (needs only the .NET SDK and the PostgreSQL server binaries):\n"
            + "  pagila-warehouse run        generates a synthetic Pagila source and loads every layer into a local\n"
            + "                              cluster under .dataplatform/ (started and stopped by the run)\n"
            + "  pagila-warehouse status     shows the last batches\n\n"
            + "Against your own databases:\n"
            + "  pagila-warehouse run --source \"Host=...;Database=pagila;Username=...\" --warehouse \"Host=...;Database=dw;Username=...\"\n\n"
            + "Exit codes: 0 ok, 1 usage or unexpected error, 2 schema drift, 3 cannot connect, 4 another run holds the lock,\n"
            + "5 data rejected beyond the allowed threshold, 130 cancelled.")
    {
        Options.Add(CommonOptions.LogLevel);
        Options.Add(CommonOptions.NoProgress);
        Subcommands.Add(run);
        Subcommands.Add(status);
    }
}
