using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>Options of one <see cref="BulkDataLoader"/> call.</summary>
public sealed record BulkLoadOptions
{
    /// <summary>How rows are written. Default <see cref="BulkLoadMode.Append"/>.</summary>
    public BulkLoadMode Mode { get; init; } = BulkLoadMode.Append;

    /// <summary>The ledger batch of this load: named in errors and stamped on bronze records (required for them).</summary>
    public long? BatchId { get; init; }

    /// <summary>
    /// The key for <see cref="BulkLoadMode.Upsert"/>, <see cref="BulkLoadMode.Sync"/> and <see cref="BulkLoadMode.Replace"/>
    /// de-duplication, as CLR property names (a natural key needs a unique index). Default: the primary key when the
    /// loader writes it, else the natural key annotation of the entity.
    /// </summary>
    public IReadOnlyList<string>? KeyProperties { get; init; }

    /// <summary>
    /// The CLR properties to write, when not every column: the key is always written, columns left out get their database
    /// default on insert and keep their value on update (upsert, sync). Null: every column the loader writes.
    /// </summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Receives progress at most every <see cref="ProgressRowInterval"/> rows and every 250 ms, and once at the end.</summary>
    public IProgress<BulkLoadProgress>? Progress { get; init; }

    /// <summary>Rows between progress checks. Default 10,000.</summary>
    public int ProgressRowInterval { get; init; } = 10_000;

    /// <summary>
    /// An open connection to load through. With <see cref="Transaction"/> the call joins that transaction and the caller
    /// commits (so other writes, such as ledger rows, commit atomically with the data); without it the call runs its own
    /// transaction on this connection. Null: the loader takes a connection from its data source.
    /// </summary>
    public NpgsqlConnection? Connection { get; init; }

    /// <summary>The caller's open transaction on <see cref="Connection"/>; the loader never commits or rolls it back.</summary>
    public NpgsqlTransaction? Transaction { get; init; }

    /// <summary>How often a transient failure (broken connection, serialization failure, deadlock) is retried. Default 3.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Command timeout in seconds for the set-based statements after the COPY. Default 0 (none).</summary>
    public int CommandTimeoutSeconds { get; init; }
}
