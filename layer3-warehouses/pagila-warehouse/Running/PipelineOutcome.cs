namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>
/// A successful pipeline run: its batch id, one result per table step in execution order, the wall-clock time of each
/// layer, and how many rows the silver tables hold after the run (the base of the rejected-rows share).
/// </summary>
internal sealed record PipelineOutcome(long BatchId, IReadOnlyList<StepResult> Steps, IReadOnlyDictionary<string, TimeSpan> LayerTimes, long SilverRows);
