using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Loading;

/// <summary>The SQL text of one load, generated from the table map; every identifier is validated and quoted.</summary>
internal sealed class BulkLoadSql(EntityTableMap map, string stagingTable)
{
    private readonly string _columns = string.Join(", ", map.Columns.Select(c => SqlIdentifier.Quote(c.Name)));
    private readonly string _staging = SqlIdentifier.Quote(stagingTable);

    public string StagingTable => _staging;

    /// <summary>Binary COPY into the target itself.</summary>
    public string CopyIntoTarget => $"COPY {map.QualifiedName} ({_columns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Binary COPY into the staging table.</summary>
    public string CopyIntoStaging => $"COPY {_staging} ({_columns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>A temporary table with exactly the written columns and their types (so COPY checks lengths, precision, enums).</summary>
    public string CreateStaging =>
        $"CREATE TEMP TABLE {_staging} ON COMMIT DROP AS SELECT {_columns} FROM {map.QualifiedName} WITH NO DATA";

    public string DropStaging => $"DROP TABLE IF EXISTS {_staging}";

    public string DeleteTarget => $"DELETE FROM {map.QualifiedName}";

    /// <summary>Plain insert of the staged rows (replace of a keyless table).</summary>
    public string InsertAll => $"INSERT INTO {map.QualifiedName} ({_columns}) SELECT {_columns} FROM {_staging}";

    /// <summary>
    /// One set-based upsert. Equal rows are left untouched by the <c>IS DISTINCT FROM</c> guard; with
    /// <paramref name="deduplicate"/> only the last staged row per key is used (staging rows keep COPY order, so the highest
    /// ctid is the last input row). <paramref name="reactivate"/> clears inactivated_date (sync). With
    /// <paramref name="returning"/> the statement returns one boolean per written row (true: inserted); without it the
    /// caller counts inserts and updates from the transaction's table statistics (<see cref="TransactionCounts"/>), which
    /// costs nothing per row.
    /// </summary>
    public string Upsert(bool deduplicate, bool reactivate, bool returning)
    {
        var key = string.Join(", ", map.KeyColumns.Select(c => SqlIdentifier.Quote(c.Name)));
        var updatable = map.Columns.Where(c => !map.KeyColumns.Contains(c)).Select(c => SqlIdentifier.Quote(c.Name)).ToList();
        var source = deduplicate
            ? $"SELECT DISTINCT ON ({key}) {_columns} FROM {_staging} ORDER BY {key}, ctid DESC"
            : $"SELECT {_columns} FROM {_staging}";

        var sets = updatable.Select(c => $"{c} = EXCLUDED.{c}").ToList();
        var changed = updatable.Count == 0
            ? new List<string>()
            : [$"(t.{string.Join(", t.", updatable)}) IS DISTINCT FROM (EXCLUDED.{string.Join(", EXCLUDED.", updatable)})"];
        if (reactivate && map.InactivatedDateColumn is { } inactivated)
        {
            var quoted = SqlIdentifier.Quote(inactivated);
            sets.Add($"{quoted} = NULL");
            changed.Add($"t.{quoted} IS NOT NULL");
        }

        var conflict = sets.Count == 0
            ? "DO NOTHING"
            : $"DO UPDATE SET {string.Join(", ", sets)} WHERE {string.Join(" OR ", changed)}";

        return $"""
            INSERT INTO {map.QualifiedName} AS t ({_columns})
            {source}
            ON CONFLICT ({key}) {conflict}{(returning ? " RETURNING (t.xmax = 0)" : string.Empty)}
            """;
    }

    /// <summary>
    /// The target's insert and update counters of the current transaction (subtransactions included) and whether the
    /// server counts them at all (<c>track_counts</c>). Taken before and after an upsert, their difference is exactly what
    /// the upsert inserted and updated.
    /// </summary>
    public string TransactionCounts =>
        $"SELECT pg_stat_get_xact_tuples_inserted('{map.QualifiedName}'::regclass), "
        + $"pg_stat_get_xact_tuples_updated('{map.QualifiedName}'::regclass), current_setting('track_counts')::bool";

    /// <summary>Soft-deletes active rows whose key is missing from the staged input (sync).</summary>
    public string DeactivateMissing()
    {
        var inactivated = SqlIdentifier.Quote(map.InactivatedDateColumn!);
        var match = string.Join(" AND ", map.KeyColumns.Select(c => $"s.{SqlIdentifier.Quote(c.Name)} = t.{SqlIdentifier.Quote(c.Name)}"));
        return $"UPDATE {map.QualifiedName} AS t SET {inactivated} = now() WHERE t.{inactivated} IS NULL AND NOT EXISTS (SELECT 1 FROM {_staging} AS s WHERE {match})";
    }
}
