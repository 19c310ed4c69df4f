namespace DataPlatform.Hosting.Quarantine;

/// <summary>The parsed <c>quarantine</c> command line (the warehouse already resolved from option or environment).</summary>
internal sealed record QuarantineRequest(string? WarehouseConnectionString, string? DataDirectory, string? Table, string? Rule, int Limit);
