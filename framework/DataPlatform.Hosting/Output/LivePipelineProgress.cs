using DataPlatform.Framework.Pipelines;
using Spectre.Console;

namespace DataPlatform.Hosting.Output;

/// <summary>Live progress on an interactive terminal: one Spectre.Console progress row per phase and table step. Thread-safe (bronze tables run in parallel).</summary>
internal sealed class LivePipelineProgress(ProgressContext context) : IPipelineProgress
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressTask> _tables = new(StringComparer.Ordinal);
    private ProgressTask? _phase;

    public void Phase(string description)
    {
        lock (_gate)
        {
            EndPhase();
            _phase = context.AddTask(Markup.Escape(description)).IsIndeterminate();
        }
    }

    public void TableStarted(string layer, string table)
    {
        lock (_gate)
        {
            EndPhase();
            _tables[$"{layer}.{table}"] = context.AddTask(Markup.Escape($"{layer}.{table}")).IsIndeterminate();
        }
    }

    public void TableCompleted(TableResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            var name = $"{result.Layer}.{result.Table}";
            if (!_tables.Remove(name, out var task))
            {
                EndPhase();
                task = context.AddTask(Markup.Escape(name));
            }

            task.IsIndeterminate = false;
            task.MaxValue = 1;
            task.Value = 1;
            task.Description = Markup.Escape($"{name} {Math.Max(result.RowsRead, result.RowsWritten):N0} rows");
            task.StopTask();
        }
    }

    private void EndPhase()
    {
        if (_phase is { } phase)
        {
            phase.IsIndeterminate = false;
            phase.Value = phase.MaxValue;
            phase.StopTask();
            _phase = null;
        }
    }
}
