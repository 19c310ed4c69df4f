using DataPlatform.Hosting.Telemetry;

namespace DataPlatform.Hosting.Running;

/// <summary>The parsed <c>run</c> command line (connection strings already resolved from options or environment).</summary>
internal sealed record RunRequest(
    string? SourceConnectionString,
    string? WarehouseConnectionString,
    double Scale,
    double? DirtyRate,
    bool FullRefresh,
    bool NewSource,
    long? BatchId,
    double MaxRejectedRate,
    int QuarantineRetentionDays,
    string? DataDirectory,
    bool KeepRunning,
    bool Json,
    bool NoProgress,
    TelemetryExporter Telemetry = TelemetryExporter.None)
{
    /// <summary>The <c>--source</c> value that asks for a generated source.</summary>
    public const string SyntheticSource = "synthetic";

    /// <summary>
    /// Bad rows per defect slot of the default demo (no <c>--dirty-rate</c>): a handful of every kind, planted where they
    /// quarantine little beyond themselves (<see cref="Framework.Pipelines.SyntheticSourceOptions.DefectsPerSlot"/>).
    /// </summary>
    public const int DemoDefectsPerSlot = 3;

    /// <summary>Whether the run generates its source: asked for explicitly, or implied by the embedded default.</summary>
    public bool UsesSyntheticSource =>
        string.Equals(SourceConnectionString, SyntheticSource, StringComparison.OrdinalIgnoreCase)
        || (SourceConnectionString is null && WarehouseConnectionString is null);
    public const double DefaultMaxRejectedRate = 0.25;

    public const int DefaultQuarantineRetentionDays = 30;
}
