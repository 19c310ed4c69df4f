using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>The SQL of the bronze extractor; identifiers come from the model and are validated and quoted.</summary>
internal static class BronzeSql
{
    // The order CopyTupleWriter writes them: the per-row hash, then the constant CopyFields.MetadataSuffix.
    private static readonly string s_metadataColumns = string.Join(
        ", ",
        new[] { MixinColumns.RecordHash, MixinColumns.BatchId, MixinColumns.LoadedAt, MixinColumns.SourceTable, MixinColumns.Operation }
            .Select(SqlIdentifier.Quote));

    /// <summary>Serializes extractions of one bronze table (two runs must not interleave their appends and cursors).</summary>
    public const string LockTable = "SELECT pg_advisory_xact_lock(hashtext('dataplatform.bronze:' || @table))";

    /// <summary>The batch and cursor of the newest committed ledger row of a table (its data committed in the same transaction).</summary>
    public const string LastExtraction = """
        SELECT batch_id, watermark_after FROM dataplatform.batch_table
        WHERE layer = 'bronze' AND table_name = @table
        ORDER BY batch_id DESC, finished_at DESC
        LIMIT 1
        """;

    /// <summary>Binary export of the source columns, optionally restricted by an incremental predicate.</summary>
    public static string SourceCopy(BronzeTablePlan plan, string? predicate) =>
        $"COPY (SELECT {plan.ColumnList()} FROM public.{SqlIdentifier.Quote(plan.Table)}"
        + (predicate is null ? string.Empty : $" WHERE {predicate}")
        + ") TO STDOUT (FORMAT BINARY)";

    /// <summary>Binary import into the bronze table: source columns, then the bronze metadata.</summary>
    public static string BronzeCopy(BronzeTablePlan plan) =>
        $"COPY {plan.QualifiedBronze} ({plan.ColumnList()}, {s_metadataColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Keys and record hashes of every key's latest bronze version when that version is an upsert inside the safety-lag
    /// window (<c>@since</c>, or a NULL window column). A re-read row can only equal a latest version with the same window
    /// timestamp, so this set is all the dedup needs. One sort, no join: bronze has no index. A batch holds a key at most
    /// once, so the highest <c>dp_batch_id</c> is the latest version.
    /// </summary>
    public static string LatestHashesInWindow(BronzeTablePlan plan)
    {
        var keys = string.Join(", ", plan.KeyColumns.Select(SqlIdentifier.Quote));
        var window = SqlIdentifier.Quote(plan.WindowColumn);
        return $"""
            SELECT {keys}, l.dp_record_hash FROM (
                SELECT DISTINCT ON ({keys}) {keys}, dp_record_hash, dp_operation, {window}
                FROM {plan.QualifiedBronze}
                ORDER BY {keys}, dp_batch_id DESC) AS l
            WHERE l.dp_operation = 'upsert' AND (l.{window} > @since OR l.{window} IS NULL)
            """;
    }

    /// <summary>
    /// After a full snapshot was appended with batch <c>@batch</c>: appends a <c>delete</c> row (carrying the last known
    /// values and hash) for every key whose latest version is an upsert from an earlier batch, i.e. that the snapshot
    /// (whose rows carry the highest batch id) does not contain. One sort, no join.
    /// </summary>
    public static string RecordDeletes(BronzeTablePlan plan)
    {
        var keys = string.Join(", ", plan.KeyColumns.Select(SqlIdentifier.Quote));
        return $"""
            INSERT INTO {plan.QualifiedBronze} ({plan.ColumnList()}, {s_metadataColumns})
            SELECT {plan.ColumnList("l")}, l.dp_record_hash, @batch, @loaded_at, l.dp_source_table, 'delete'
            FROM (
                SELECT DISTINCT ON ({keys}) *
                FROM {plan.QualifiedBronze}
                ORDER BY {keys}, dp_batch_id DESC) AS l
            WHERE l.dp_operation = 'upsert' AND l.dp_batch_id <> @batch
            """;
    }
}
