using System.CommandLine;
using DataPlatform.Hosting.Status;

namespace DataPlatform.Hosting.Commands;

/// <summary><c>status</c>: the last batches from the warehouse's ledger.</summary>
internal sealed class StatusCommand : Command
{
    private readonly Option<string?> _warehouse = CommonOptions.Warehouse();

    private readonly Option<int> _limit = new("--limit", "-n")
    {
        Description = "How many of the most recent batches to show.",
        DefaultValueFactory = _ => 10,
    };

    private readonly Option<string?> _dataDirectory = CommonOptions.DataDirectory();

    public StatusCommand(StatusHandler handler)
        : base("status", "Show the last batches from the warehouse's ledger (status, rows per layer, duration).")
    {
        Options.Add(_warehouse);
        Options.Add(_limit);
        Options.Add(_dataDirectory);
        _limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--limit must be between 1 and 1000.");
            }
        });

        SetAction((parseResult, ct) => handler.ShowAsync(
            EnvironmentVariables.Fallback(parseResult.GetValue(_warehouse), EnvironmentVariables.Warehouse),
            EnvironmentVariables.Fallback(parseResult.GetValue(_dataDirectory), EnvironmentVariables.Home),
            parseResult.GetValue(_limit),
            parseResult.GetValue(CommonOptions.LogLevel),
            ct));
    }
}
