using System.CommandLine;
using DataPlatform.Hosting.Quarantine;

namespace DataPlatform.Hosting.Commands;

/// <summary><c>quarantine</c>: the rows that still fail a rule, with the rule, its message and the source row.</summary>
internal sealed class QuarantineCommand : Command
{
    private readonly Option<string?> _warehouse = CommonOptions.Warehouse();

    private readonly Option<string?> _table = new("--table", "-t")
    {
        Description = "Only rows of this table: schema.table (e.g. sl__pagila.payment) or the table name alone.",
    };

    private readonly Option<string?> _rule = new("--rule", "-r")
    {
        Description = "Only rows failing this rule (e.g. orphan_customer_id).",
    };

    private readonly Option<int> _limit = new("--limit", "-n")
    {
        Description = "How many rows to show at most.",
        DefaultValueFactory = _ => 50,
    };

    private readonly Option<string?> _dataDirectory = CommonOptions.DataDirectory();

    public QuarantineCommand(QuarantineHandler handler)
        : base("quarantine", "Show the rows that still fail a rule (the open quarantine): table, rule, key, message and the source row. Every run re-checks them.")
    {
        Options.Add(_warehouse);
        Options.Add(_table);
        Options.Add(_rule);
        Options.Add(_limit);
        Options.Add(_dataDirectory);
        _limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--limit must be between 1 and 100000.");
            }
        });

        SetAction((parseResult, ct) => handler.ShowAsync(
            new QuarantineRequest(
                EnvironmentVariables.Fallback(parseResult.GetValue(_warehouse), EnvironmentVariables.Warehouse),
                EnvironmentVariables.Fallback(parseResult.GetValue(_dataDirectory), EnvironmentVariables.Home),
                parseResult.GetValue(_table),
                parseResult.GetValue(_rule),
                parseResult.GetValue(_limit)),
            parseResult.GetValue(CommonOptions.LogLevel),
            ct));
    }
}
