namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>A successful pipeline run: its batch id and one result per table step, in execution order.</summary>
internal sealed record PipelineOutcome(long BatchId, IReadOnlyList<StepResult> Steps);
