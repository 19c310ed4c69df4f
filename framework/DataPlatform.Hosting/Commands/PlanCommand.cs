using System.CommandLine;
using DataPlatform.Hosting.Schema;

namespace DataPlatform.Hosting.Commands;

/// <summary><c>plan</c>: prints (or writes with <c>--output</c>) the SQL that would bring the warehouse in line with the model.</summary>
internal sealed class PlanCommand : Command
{
    private readonly Option<string?> _warehouse = CommonOptions.Warehouse();
    private readonly Option<string?> _dataDirectory = CommonOptions.DataDirectory();
    private readonly Option<FileInfo?> _output = new("--output", "-o")
    {
        Description = "Write the SQL to this file instead of stdout.",
    };

    public PlanCommand(SchemaHandler handler)
        : base("plan", "Print the SQL that deploy would run on the warehouse (and the SQL for differences deploy leaves to a person).")
    {
        Options.Add(_warehouse);
        Options.Add(_dataDirectory);
        Options.Add(_output);
        SetAction((parseResult, ct) => handler.PlanAsync(
            EnvironmentVariables.Fallback(parseResult.GetValue(_warehouse), EnvironmentVariables.Warehouse),
            EnvironmentVariables.Fallback(parseResult.GetValue(_dataDirectory), EnvironmentVariables.Home),
            parseResult.GetValue(_output),
            parseResult.GetValue(CommonOptions.LogLevel),
            ct));
    }
}
