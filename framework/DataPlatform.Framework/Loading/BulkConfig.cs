namespace DataPlatform.Framework.Loading;

/// <summary>
/// Options of the <see cref="DbContextBulkExtensions"/> verbs, named as in EFCore.BulkExtensions' <c>BulkConfig</c> where
/// they apply (the mapping is in the framework README, "Bulk verbs on a DbContext").
/// </summary>
public sealed record BulkConfig
{
    /// <summary>
    /// Keys per lookup statement of <see cref="DbContextBulkExtensions.BulkReadAsync{T}"/>. Default 2000. The write verbs
    /// stream the whole input through one binary COPY in one transaction (as EFCore.BulkExtensions does on PostgreSQL), so
    /// it does not split them.
    /// </summary>
    public int BatchSize { get; init; } = 2000;

    /// <summary>
    /// Only these properties are written (insert and update) or read; the key is always included. Columns left out get
    /// their database default on insert and keep their value on update. Null: every mapped property.
    /// </summary>
    public IReadOnlyList<string>? PropertiesToInclude { get; init; }

    /// <summary>These properties are neither written nor read (the key always is). Null: none left out.</summary>
    public IReadOnlyList<string>? PropertiesToExclude { get; init; }

    /// <summary>
    /// The properties that identify a row for upsert, sync and read, instead of the primary key (e.g. a natural key; it
    /// needs a unique index for the write verbs).
    /// </summary>
    public IReadOnlyList<string>? UpdateByProperties { get; init; }

    /// <summary>Timeout in seconds of the set-based statements after the COPY and of the read statements. Null: none.</summary>
    public int? BulkCopyTimeout { get; init; }
}
