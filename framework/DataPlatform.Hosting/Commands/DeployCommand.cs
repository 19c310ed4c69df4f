using System.CommandLine;
using DataPlatform.Hosting.Schema;

namespace DataPlatform.Hosting.Commands;

/// <summary><c>deploy</c>: creates or updates the ledger and every layer's schema; never drops data (exit 2 when a person must decide).</summary>
internal sealed class DeployCommand : Command
{
    private readonly Option<string?> _warehouse = CommonOptions.Warehouse();
    private readonly Option<string?> _dataDirectory = CommonOptions.DataDirectory();

    public DeployCommand(SchemaHandler handler)
        : base("deploy", "Create or update the ledger and every layer's schemas, tables, keys, indexes and triggers; never drops data (exit 2 and the SQL to review when a change needs a person).")
    {
        Options.Add(_warehouse);
        Options.Add(_dataDirectory);
        SetAction((parseResult, ct) => handler.DeployAsync(
            EnvironmentVariables.Fallback(parseResult.GetValue(_warehouse), EnvironmentVariables.Warehouse),
            EnvironmentVariables.Fallback(parseResult.GetValue(_dataDirectory), EnvironmentVariables.Home),
            parseResult.GetValue(CommonOptions.LogLevel),
            ct));
    }
}
