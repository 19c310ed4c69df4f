namespace DataPlatform.Framework.Telemetry;

/// <summary>
/// The names of what the framework publishes through <see cref="System.Diagnostics.Metrics"/> and
/// <see cref="System.Diagnostics.ActivitySource"/>, following OpenTelemetry's naming conventions. One meter and one activity
/// source, both named <see cref="Name"/>: subscribe with OpenTelemetry (<c>AddMeter(DataPlatformTelemetry.Name)</c>,
/// <c>AddSource(DataPlatformTelemetry.Name)</c>), <c>dotnet-counters</c>, or a <c>MeterListener</c>/<c>ActivityListener</c>.
/// Row counters are recorded once per table when its layer committed it, with the figures of the ledger's
/// <c>batch_table</c> row, so their totals equal the ledger's counts.
/// </summary>
public static class DataPlatformTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>DataPlatform</c>.</summary>
    public const string Name = "DataPlatform";

    /// <summary>Counter (<c>{row}</c>): rows a layer read for a table (tags pipeline, layer, table).</summary>
    public const string RowsRead = "dataplatform.rows.read";

    /// <summary>Counter (<c>{row}</c>): input rows now represented in the table (tags pipeline, layer, table).</summary>
    public const string RowsWritten = "dataplatform.rows.written";

    /// <summary>Counter (<c>{row}</c>): rows sent to the quarantine (tags pipeline, layer, table and, when known, rule).</summary>
    public const string RowsQuarantined = "dataplatform.rows.quarantined";

    /// <summary>Histogram (<c>s</c>): wall-clock time of a layer's step on one table (tags pipeline, layer, table).</summary>
    public const string StepDuration = "dataplatform.step.duration";

    /// <summary>Counter (<c>{batch}</c>): batches finished, by outcome (tags pipeline, outcome, and error.type on failure).</summary>
    public const string Batches = "dataplatform.batches";

    /// <summary>Tag: the pipeline name, e.g. <c>pagila</c>.</summary>
    public const string PipelineTag = "dataplatform.pipeline";

    /// <summary>Tag: the layer, e.g. <c>silver</c>.</summary>
    public const string LayerTag = "dataplatform.layer";

    /// <summary>Tag: the table without schema, e.g. <c>rental</c>.</summary>
    public const string TableTag = "dataplatform.table";

    /// <summary>Tag: the quarantine rule, e.g. <c>orphan_customer_id</c>.</summary>
    public const string RuleTag = "dataplatform.rule";

    /// <summary>Tag (batch span): the ledger batch id.</summary>
    public const string BatchIdTag = "dataplatform.batch.id";

    /// <summary>Tag: how a batch ended, <see cref="Succeeded"/>, <see cref="Failed"/> or <see cref="Cancelled"/>.</summary>
    public const string OutcomeTag = "dataplatform.batch.outcome";

    /// <summary>Tag (OpenTelemetry's <c>error.type</c>): the exception type of a failed batch or step.</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Outcome: the batch completed.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Outcome: a layer failed; the batch is marked failed.</summary>
    public const string Failed = "failed";

    /// <summary>Outcome: the run was cancelled; the batch is marked failed.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Span of one pipeline run (one ledger batch); parent of the layer spans.</summary>
    public const string BatchSpan = "dataplatform.batch";

    /// <summary>Span of one layer of a batch; parent of its table spans.</summary>
    public const string LayerSpan = "dataplatform.layer";

    /// <summary>Span of one table step of a layer (a transform layer may run several steps for one table).</summary>
    public const string TableSpan = "dataplatform.table";
}
