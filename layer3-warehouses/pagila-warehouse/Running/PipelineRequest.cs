using DataPlatform.Warehouses.Pagila.Embedded;

namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>What the pipeline needs: the warehouse, the source (null: synthetic), the embedded cluster if any, and the run options.</summary>
internal sealed record PipelineRequest(
    string WarehouseConnectionString, string? SourceConnectionString, EmbeddedWarehouse? Embedded, RunRequest Run);
