using System.CommandLine;
using DataPlatform.Warehouses.Pagila.Running;

namespace DataPlatform.Warehouses.Pagila.Commands;

/// <summary><c>run</c>: deploys what is missing, then loads source → bronze → silver → gold as one batch and prints a per-table summary.</summary>
internal sealed class RunCommand : Command
{
    private static readonly Option<string?> s_source = new("--source", "-s")
    {
        Description = $"Connection string of the Pagila source database (fallback: ${EnvironmentVariables.Source}). "
            + "Omit both to generate a synthetic Pagila source (database pagila_source next to the warehouse).",
    };

    private static readonly Option<string?> s_warehouse = CommonOptions.Warehouse();

    private static readonly Option<double> s_scale = new("--scale")
    {
        Description = "Size of the generated synthetic source: 1 is about the real Pagila row counts (~50k rows), 10 is ten times that. "
            + "Ignored with --source. Changing it regenerates the synthetic source.",
        DefaultValueFactory = _ => 1.0,
    };

    private static readonly Option<double> s_dirtyRate = new("--dirty-rate")
    {
        Description = "Share of deliberately dirty rows (blank names, orphans, negative payments, ...) in the generated source, 0 to 1. Ignored with --source.",
        DefaultValueFactory = _ => RunRequest.DefaultDirtyRate,
    };

    private static readonly Option<bool> s_fullRefresh = new("--full-refresh")
    {
        Description = "Extract every source table in full instead of incrementally (also detects source deletes).",
    };

    private static readonly Option<long?> s_batchId = new("--batch-id")
    {
        Description = "Use this id for the batch in the ledger (default: the next free id). Must not exist yet.",
    };

    private static readonly Option<double> s_maxRejectedRate = new("--max-rejected-rate")
    {
        Description = "Exit with code 5 when the rows silver refused (quarantine) are more than this share (0 to 1) of silver's rows plus the refused ones.",
        DefaultValueFactory = _ => RunRequest.DefaultMaxRejectedRate,
    };

    private static readonly Option<string?> s_dataDirectory = CommonOptions.DataDirectory();

    private static readonly Option<bool> s_keepRunning = new("--keep-running")
    {
        Description = "Embedded default only: leave the local cluster running after the run so you can connect with psql (the next run reuses it).",
    };

    private static readonly Option<string> s_output = new("--output", "-o")
    {
        Description = "Format of the summary on stdout: table (default) or json.",
        DefaultValueFactory = _ => "table",
    };

    public RunCommand(RunHandler handler)
        : base("run", "Deploy what is missing, then load source -> bronze -> silver -> gold as one batch and print a per-table summary.")
    {
        Options.Add(s_source);
        Options.Add(s_warehouse);
        Options.Add(s_scale);
        Options.Add(s_dirtyRate);
        Options.Add(s_fullRefresh);
        Options.Add(s_batchId);
        Options.Add(s_maxRejectedRate);
        Options.Add(s_dataDirectory);
        Options.Add(s_keepRunning);
        Options.Add(s_output);
        s_output.AcceptOnlyFromAmong("table", "json");
        s_scale.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 1000)
            {
                r.AddError("--scale must be greater than 0 and at most 1000.");
            }
        });
        s_dirtyRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError("--dirty-rate must be between 0 and 1.");
            }
        });
        s_maxRejectedRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError("--max-rejected-rate must be between 0 and 1.");
            }
        });
        s_batchId.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is <= 0)
            {
                r.AddError("--batch-id must be a positive number.");
            }
        });

        SetAction((parseResult, ct) =>
        {
            var request = new RunRequest(
                SourceConnectionString: Fallback(parseResult.GetValue(s_source), EnvironmentVariables.Source),
                WarehouseConnectionString: Fallback(parseResult.GetValue(s_warehouse), EnvironmentVariables.Warehouse),
                Scale: parseResult.GetValue(s_scale),
                DirtyRate: parseResult.GetValue(s_dirtyRate),
                FullRefresh: parseResult.GetValue(s_fullRefresh),
                BatchId: parseResult.GetValue(s_batchId),
                MaxRejectedRate: parseResult.GetValue(s_maxRejectedRate),
                DataDirectory: Fallback(parseResult.GetValue(s_dataDirectory), EnvironmentVariables.Home),
                KeepRunning: parseResult.GetValue(s_keepRunning),
                Json: parseResult.GetValue(s_output) == "json",
                NoProgress: parseResult.GetValue(CommonOptions.NoProgress));
            return handler.RunAsync(request, parseResult.GetValue(CommonOptions.LogLevel), ct);
        });
    }

    internal static string? Fallback(string? value, string environmentVariable) =>
        !string.IsNullOrWhiteSpace(value) ? value
            : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : null;
}
