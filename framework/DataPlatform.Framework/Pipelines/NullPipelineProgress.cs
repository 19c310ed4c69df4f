namespace DataPlatform.Framework.Pipelines;

/// <summary>Progress that goes nowhere, for callers that pass none.</summary>
internal sealed class NullPipelineProgress : IPipelineProgress
{
    public static readonly NullPipelineProgress Instance = new();

    public void Phase(string description)
    {
    }

    public void TableStarted(string layer, string table)
    {
    }

    public void TableCompleted(TableResult result)
    {
    }
}
