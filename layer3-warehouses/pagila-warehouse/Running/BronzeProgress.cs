using System.Collections.Concurrent;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Warehouses.Pagila.Output;

namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>Forwards the bronze layer's table events to the host's run progress.</summary>
internal sealed class BronzeProgress(IRunProgress progress) : IPipelineProgress
{
    private readonly ConcurrentDictionary<string, ITableProgress> _tables = new(StringComparer.Ordinal);

    public static StepResult ToStep(TableResult result) =>
        new(result.Layer, result.Table, result.RowsRead, result.RowsWritten, result.RowsQuarantined, result.Elapsed);

    public void Phase(string description) => progress.Phase(description);

    public void TableStarted(string layer, string table) => _tables[table] = progress.BeginTable(layer, table);

    public void TableCompleted(TableResult result)
    {
        if (_tables.TryRemove(result.Table, out var table))
        {
            table.Complete(ToStep(result));
        }
    }
}
