using DataPlatform.Framework.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DataPlatform.Hosting.Telemetry;

/// <summary>
/// The OpenTelemetry pipeline of one <c>run</c>: the framework's spans and metrics (<see cref="DataPlatformTelemetry.Name"/>)
/// and Npgsql's own, exported to the console or over OTLP. Disposing it flushes what is left: the console prints the
/// metrics once, at the end of the run; OTLP also exports them periodically (<c>OTEL_METRIC_EXPORT_INTERVAL</c>).
/// </summary>
internal sealed class HostTelemetry : IDisposable
{
    /// <summary>The standard variable naming the service; the command name is used when it is not set.</summary>
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    private HostTelemetry(TracerProvider tracing, MeterProvider metrics)
    {
        _tracing = tracing;
        _metrics = metrics;
    }

    /// <summary>Starts exporting; null for <see cref="TelemetryExporter.None"/>.</summary>
    public static HostTelemetry? Start(TelemetryExporter exporter, string commandName)
    {
        if (exporter == TelemetryExporter.None)
        {
            return null;
        }

        // OTEL_SERVICE_NAME (read by the default resource) wins over the command name.
        void Resource(ResourceBuilder resource)
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ServiceNameVariable)))
            {
                resource.AddService(commandName);
            }
        }

        var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(Resource)
            .AddSource(DataPlatformTelemetry.Name)
            .AddNpgsql();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(Resource)
            .AddMeter(DataPlatformTelemetry.Name)
            .AddNpgsqlInstrumentation();
        if (exporter == TelemetryExporter.Console)
        {
            tracing.AddConsoleExporter();

            // A reader without a period collects only when the provider shuts down: one block of metrics after the summary.
            metrics.AddReader(new BaseExportingMetricReader(new ConsoleMetricExporter(new ConsoleExporterOptions())));
        }
        else
        {
            tracing.AddOtlpExporter();
            metrics.AddOtlpExporter();
        }

        return new HostTelemetry(tracing.Build(), metrics.Build());
    }

    /// <summary>Flushes the spans and the metrics, then stops both pipelines.</summary>
    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }
}
