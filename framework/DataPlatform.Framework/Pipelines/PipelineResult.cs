namespace DataPlatform.Framework.Pipelines;

/// <summary>A succeeded pipeline run.</summary>
/// <param name="BatchId">The ledger batch.</param>
/// <param name="Tables">One result per table step, layer by layer in run order.</param>
/// <param name="LayerTimes">The wall-clock time of each layer, by layer name.</param>
public sealed record PipelineResult(long BatchId, IReadOnlyList<TableResult> Tables, IReadOnlyDictionary<string, TimeSpan> LayerTimes);
