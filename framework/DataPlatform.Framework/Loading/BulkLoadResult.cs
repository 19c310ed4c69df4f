namespace DataPlatform.Framework.Loading;

/// <summary>What one <see cref="BulkDataLoader"/> call did.</summary>
public sealed record BulkLoadResult
{
    /// <summary>The target table, schema-qualified (<c>schema.table</c>).</summary>
    public required string Table { get; init; }

    /// <summary>The mode the call ran in.</summary>
    public BulkLoadMode Mode { get; init; }

    /// <summary>Rows read from the input.</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows inserted into the target (new keys, or every row for <see cref="BulkLoadMode.Append"/>/<see cref="BulkLoadMode.Replace"/>).</summary>
    public long RowsInserted { get; init; }

    /// <summary>Existing rows whose values changed (upsert and sync); equal rows are not counted and not touched.</summary>
    public long RowsUpdated { get; init; }

    /// <summary>Rows soft-deleted by <see cref="BulkLoadMode.Sync"/> (keys missing from the input).</summary>
    public long RowsDeactivated { get; init; }

    /// <summary>Rows removed by <see cref="BulkLoadMode.Replace"/> (the previous content).</summary>
    public long RowsDeleted { get; init; }

    /// <summary>How many attempts the call needed (more than 1 after a retried transient error).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Wall-clock time of the call, retries included.</summary>
    public TimeSpan Elapsed { get; init; }
}
