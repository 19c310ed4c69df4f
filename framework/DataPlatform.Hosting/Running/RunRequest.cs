namespace DataPlatform.Hosting.Running;

/// <summary>The parsed <c>run</c> command line (connection strings already resolved from options or environment).</summary>
internal sealed record RunRequest(
    string? SourceConnectionString,
    string? WarehouseConnectionString,
    double Scale,
    double DirtyRate,
    bool FullRefresh,
    long? BatchId,
    double MaxRejectedRate,
    string? DataDirectory,
    bool KeepRunning,
    bool Json,
    bool NoProgress)
{
    public const double DefaultDirtyRate = 0.005;
    public const double DefaultMaxRejectedRate = 0.25;
}
