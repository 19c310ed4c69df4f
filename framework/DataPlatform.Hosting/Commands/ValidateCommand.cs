using System.CommandLine;
using DataPlatform.Hosting.Schema;

namespace DataPlatform.Hosting.Commands;

/// <summary><c>validate</c>: compares the warehouse with the model; exit 2 and the fixing SQL when they differ.</summary>
internal sealed class ValidateCommand : Command
{
    private readonly Option<string?> _warehouse = CommonOptions.Warehouse();
    private readonly Option<string?> _dataDirectory = CommonOptions.DataDirectory();

    public ValidateCommand(SchemaHandler handler)
        : base("validate", "Compare the warehouse (ledger and every layer) with the model; exit 2 and print the SQL that fixes each difference.")
    {
        Options.Add(_warehouse);
        Options.Add(_dataDirectory);
        SetAction((parseResult, ct) => handler.ValidateAsync(
            EnvironmentVariables.Fallback(parseResult.GetValue(_warehouse), EnvironmentVariables.Warehouse),
            EnvironmentVariables.Fallback(parseResult.GetValue(_dataDirectory), EnvironmentVariables.Home),
            parseResult.GetValue(CommonOptions.LogLevel),
            ct));
    }
}
