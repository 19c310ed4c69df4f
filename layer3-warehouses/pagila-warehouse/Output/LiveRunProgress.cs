using DataPlatform.Warehouses.Pagila.Running;
using Spectre.Console;

namespace DataPlatform.Warehouses.Pagila.Output;

/// <summary>Live progress on an interactive terminal: one Spectre.Console progress row per phase and table step. Thread-safe (bronze tables run in parallel).</summary>
internal sealed class LiveRunProgress(ProgressContext context) : IRunProgress
{
    private readonly Lock _gate = new();
    private ProgressTask? _phase;

    public void Phase(string description)
    {
        lock (_gate)
        {
            EndPhase();
            _phase = context.AddTask(Markup.Escape(description)).IsIndeterminate();
        }
    }

    public ITableProgress BeginTable(string layer, string table)
    {
        lock (_gate)
        {
            EndPhase();
            return new TableProgress(context.AddTask(Markup.Escape($"{layer}.{table}")).IsIndeterminate(), $"{layer}.{table}", _gate);
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

    private sealed class TableProgress(ProgressTask task, string name, Lock gate) : ITableProgress
    {
        public void Complete(StepResult result)
        {
            lock (gate)
            {
                task.IsIndeterminate = false;
                task.MaxValue = 1;
                task.Value = 1;
                task.Description = Markup.Escape($"{name} {Math.Max(result.RowsRead, result.RowsWritten):N0} rows");
                task.StopTask();
            }
        }
    }
}
