namespace DataPlatform.Framework.Loading;

/// <summary>What one attempt of a load wrote.</summary>
internal readonly record struct LoadCounts(long RowsRead, long RowsInserted, long RowsUpdated, long RowsDeactivated, long RowsDeleted);
