using System.CommandLine;
using DataPlatform.Hosting.Running;
using DataPlatform.Hosting.Telemetry;

namespace DataPlatform.Hosting.Commands;

/// <summary><c>run</c>: deploys what is missing, then runs the pipeline's layers as one batch and prints a per-table summary.</summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string?> _source = new("--source", "-s")
    {
        Description = $"Connection string of the source database (fallback: ${EnvironmentVariables.Source}), or '{RunRequest.SyntheticSource}' "
            + "to generate one in a database of its own next to the warehouse. Required with --warehouse; the embedded default uses a synthetic source.",
    };

    private readonly Option<bool> _newSource = new("--new-source")
    {
        Description = "Accept a source other than the one this warehouse was loaded from (recorded in its ledger). The new source is read in full.",
    };

    private readonly Option<string?> _warehouse = CommonOptions.Warehouse();

    private readonly Option<double> _scale = new("--scale")
    {
        Description = "Size of the generated synthetic source: 1 is about the real system's row counts, 10 is ten times that. "
            + "Synthetic source only. Changing it regenerates the synthetic source.",
        DefaultValueFactory = _ => 1.0,
    };

    private readonly Option<double?> _dirtyRate = new("--dirty-rate")
    {
        Description = "Share of deliberately dirty rows (blank names, orphans, negative payments, ...) per kind of defect in the generated source, 0 to 1; "
            + "bad parents take their dependants into quarantine with them. Default: a demo handful of every kind, planted where they quarantine "
            + "little beyond themselves. Synthetic source only.",
    };

    private readonly Option<bool> _fullRefresh = new("--full-refresh")
    {
        Description = "Extract every source table in full instead of incrementally (also detects source deletes).",
    };

    private readonly Option<long?> _batchId = new("--batch-id")
    {
        Description = "Use this id for the batch in the ledger (default: the next free id). Must not exist yet.",
    };

    private readonly Option<double> _maxRejectedRate = new("--max-rejected-rate")
    {
        Description = "Exit with code 5 when the rows the checked layer (silver) refused (quarantine) are more than this share (0 to 1) of its rows plus the refused ones.",
        DefaultValueFactory = _ => RunRequest.DefaultMaxRejectedRate,
    };

    private readonly Option<int> _quarantineRetentionDays = new("--quarantine-retention-days")
    {
        Description = "Delete quarantine entries resolved more than this many days ago (0: at once). Open entries are always kept.",
        DefaultValueFactory = _ => RunRequest.DefaultQuarantineRetentionDays,
    };

    private readonly Option<string?> _dataDirectory = CommonOptions.DataDirectory();

    private readonly Option<bool> _keepRunning = new("--keep-running")
    {
        Description = "Embedded default only: leave the local cluster running after the run so you can connect with psql (the next run reuses it).",
    };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Format of the summary on stdout: table (default) or json.",
        DefaultValueFactory = _ => "table",
    };

    private readonly Option<string?> _telemetry = new("--telemetry")
    {
        Description = "Export the run's traces and metrics (batch -> layer -> table spans, rows read/written/quarantined, step durations, "
            + "and Npgsql's own) with OpenTelemetry: console (printed on stdout; the metrics once, at the end) or otlp (to the endpoint "
            + "of the standard OTEL_EXPORTER_OTLP_* variables; OTEL_SERVICE_NAME names the service).",
    };

    public RunCommand(RunHandler handler)
        : base("run", "Deploy what is missing, then run every layer (e.g. source -> bronze -> silver -> gold) as one batch and print a per-table summary.")
    {
        Options.Add(_source);
        Options.Add(_warehouse);
        Options.Add(_scale);
        Options.Add(_dirtyRate);
        Options.Add(_newSource);
        Options.Add(_fullRefresh);
        Options.Add(_batchId);
        Options.Add(_maxRejectedRate);
        Options.Add(_quarantineRetentionDays);
        Options.Add(_dataDirectory);
        Options.Add(_keepRunning);
        Options.Add(_output);
        Options.Add(_telemetry);
        _output.AcceptOnlyFromAmong("table", "json");
        _telemetry.AcceptOnlyFromAmong("console", "otlp");
        Validators.Add(r =>
        {
            if (r.GetValue(_telemetry) == "console" && r.GetValue(_output) == "json")
            {
                r.AddError("--telemetry console prints on stdout, which --output json keeps for the JSON summary: use --telemetry otlp, or --output table.");
            }
        });
        _scale.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 1000)
            {
                r.AddError("--scale must be greater than 0 and at most 1000.");
            }
        });
        _dirtyRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is < 0 or > 1)
            {
                r.AddError("--dirty-rate must be between 0 and 1.");
            }
        });
        _maxRejectedRate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError("--max-rejected-rate must be between 0 and 1.");
            }
        });
        _quarantineRetentionDays.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--quarantine-retention-days must be 0 or more.");
            }
        });
        _batchId.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is <= 0)
            {
                r.AddError("--batch-id must be a positive number.");
            }
        });

        SetAction((parseResult, ct) =>
        {
            var request = new RunRequest(
                SourceConnectionString: EnvironmentVariables.Fallback(parseResult.GetValue(_source), EnvironmentVariables.Source),
                WarehouseConnectionString: EnvironmentVariables.Fallback(parseResult.GetValue(_warehouse), EnvironmentVariables.Warehouse),
                Scale: parseResult.GetValue(_scale),
                DirtyRate: parseResult.GetValue(_dirtyRate),
                FullRefresh: parseResult.GetValue(_fullRefresh),
                NewSource: parseResult.GetValue(_newSource),
                BatchId: parseResult.GetValue(_batchId),
                MaxRejectedRate: parseResult.GetValue(_maxRejectedRate),
                QuarantineRetentionDays: parseResult.GetValue(_quarantineRetentionDays),
                DataDirectory: EnvironmentVariables.Fallback(parseResult.GetValue(_dataDirectory), EnvironmentVariables.Home),
                KeepRunning: parseResult.GetValue(_keepRunning),
                Json: parseResult.GetValue(_output) == "json",
                NoProgress: parseResult.GetValue(CommonOptions.NoProgress),
                Telemetry: parseResult.GetValue(_telemetry) switch
                {
                    "console" => TelemetryExporter.Console,
                    "otlp" => TelemetryExporter.Otlp,
                    _ => TelemetryExporter.None,
                });
            return handler.RunAsync(request, parseResult.GetValue(CommonOptions.LogLevel), ct);
        });
    }
}
