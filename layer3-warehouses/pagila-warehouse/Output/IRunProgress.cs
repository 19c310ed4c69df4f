using DataPlatform.Warehouses.Pagila.Running;

namespace DataPlatform.Warehouses.Pagila.Output;

/// <summary>Where the pipeline reports what it is doing: a live display on a terminal, throttled log lines otherwise.</summary>
internal interface IRunProgress
{
    /// <summary>Announces a phase that is not a table step (deploying, generating the source, ...).</summary>
    void Phase(string description);

    /// <summary>Starts a table step; complete the returned progress with the step's result.</summary>
    ITableProgress BeginTable(string layer, string table);
}

/// <summary>Progress of one table step.</summary>
internal interface ITableProgress
{
    void Complete(StepResult result);
}
