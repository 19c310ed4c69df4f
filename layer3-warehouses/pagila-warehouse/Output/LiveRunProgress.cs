using DataPlatform.Warehouses.Pagila.Running;
using Spectre.Console;

namespace DataPlatform.Warehouses.Pagila.Output;

/// <summary>Live progress on an interactive terminal: one Spectre.Console progress row per table step.</summary>
internal sealed class LiveRunProgress(ProgressContext context) : IRunProgress
{
    private ProgressTask? _phase;

    public void Phase(string description)
    {
        _phase?.StopTask();
        _phase = context.AddTask(Markup.Escape(description)).IsIndeterminate();
    }

    public ITableProgress BeginTable(string layer, string table)
    {
        if (_phase is not null)
        {
            _phase.Value = _phase.MaxValue;
            _phase.IsIndeterminate = false;
            _phase.StopTask();
            _phase = null;
        }

        var task = context.AddTask(Markup.Escape($"{layer}.{table}")).IsIndeterminate();
        return new TableProgress(task);
    }

    private sealed class TableProgress(ProgressTask task) : ITableProgress
    {
        public void Report(long value)
        {
            task.Description = Markup.Escape($"{task.Description.Split(' ')[0]} {value:N0} rows");
        }

        public void Complete(StepResult result)
        {
            task.IsIndeterminate = false;
            task.MaxValue = 1;
            task.Value = 1;
            task.Description = Markup.Escape(
                $"{result.Layer}.{result.Table} {Math.Max(result.RowsRead, result.RowsWritten):N0} rows");
            task.StopTask();
        }
    }
}
