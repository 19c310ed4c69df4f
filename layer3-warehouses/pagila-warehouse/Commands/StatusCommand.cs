using System.CommandLine;
using DataPlatform.Warehouses.Pagila.Status;

namespace DataPlatform.Warehouses.Pagila.Commands;

/// <summary><c>status</c>: the last batches from the warehouse's ledger.</summary>
internal sealed class StatusCommand : Command
{
    private static readonly Option<string?> s_warehouse = CommonOptions.Warehouse();

    private static readonly Option<int> s_limit = new("--limit", "-n")
    {
        Description = "How many of the most recent batches to show.",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<string?> s_dataDirectory = CommonOptions.DataDirectory();

    public StatusCommand(StatusHandler handler)
        : base("status", "Show the last batches from the warehouse's ledger (status, rows per layer, duration).")
    {
        Options.Add(s_warehouse);
        Options.Add(s_limit);
        Options.Add(s_dataDirectory);
        s_limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--limit must be between 1 and 1000.");
            }
        });

        SetAction((parseResult, ct) => handler.ShowAsync(
            RunCommand.Fallback(parseResult.GetValue(s_warehouse), EnvironmentVariables.Warehouse),
            RunCommand.Fallback(parseResult.GetValue(s_dataDirectory), EnvironmentVariables.Home),
            parseResult.GetValue(s_limit),
            parseResult.GetValue(CommonOptions.LogLevel),
            ct));
    }
}
