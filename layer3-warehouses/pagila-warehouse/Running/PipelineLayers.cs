namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>The layer names used in the summary, the progress lines and the ledger.</summary>
internal static class PipelineLayers
{
    public const string Source = "source";
    public const string Bronze = "bronze";
    public const string Silver = "silver";
    public const string Gold = "gold";
}
