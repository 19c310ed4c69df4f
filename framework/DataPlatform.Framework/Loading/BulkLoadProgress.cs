namespace DataPlatform.Framework.Loading;

/// <summary>Progress of one <see cref="BulkDataLoader"/> call, reported through <see cref="BulkLoadOptions.Progress"/>.</summary>
/// <param name="Table">The target table, schema-qualified.</param>
/// <param name="Rows">Rows streamed to the server so far.</param>
/// <param name="RowsPerSecond">Average throughput since the call started.</param>
/// <param name="Elapsed">Time since the call started.</param>
/// <param name="Completed">Whether this is the final report of the call.</param>
public readonly record struct BulkLoadProgress(string Table, long Rows, double RowsPerSecond, TimeSpan Elapsed, bool Completed);
