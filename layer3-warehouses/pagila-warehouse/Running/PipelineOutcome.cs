namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>A successful pipeline run: its batch id, one result per table step in execution order, and the wall-clock time of each layer.</summary>
internal sealed record PipelineOutcome(long BatchId, IReadOnlyList<StepResult> Steps, IReadOnlyDictionary<string, TimeSpan> LayerTimes);
