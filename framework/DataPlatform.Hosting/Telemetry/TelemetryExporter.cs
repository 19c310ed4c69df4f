namespace DataPlatform.Hosting.Telemetry;

/// <summary>Where <c>run --telemetry</c> sends the run's traces and metrics.</summary>
internal enum TelemetryExporter
{
    /// <summary>Nowhere: no OpenTelemetry pipeline is built.</summary>
    None,

    /// <summary>OpenTelemetry's console exporter, on stdout.</summary>
    Console,

    /// <summary>OTLP, configured by the standard <c>OTEL_EXPORTER_OTLP_*</c> environment variables.</summary>
    Otlp,
}
