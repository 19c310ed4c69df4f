using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>The SQL of the extraction engine; identifiers come from the model and are validated and quoted.</summary>
internal static class BronzeSql
{
    /// <summary>The temporary table holding the source's keys during delete detection (dropped at commit).</summary>
    public const string SourceKeys = "dp_source_keys";

    // The order CopyTupleWriter writes them: the per-row hash, then the constant CopyFields.MetadataSuffix.
    private static readonly string s_metadataColumns = string.Join(
        ", ", new[] { MixinColumns.RecordHash, MixinColumns.BatchId, MixinColumns.Operation }.Select(SqlIdentifier.Quote));

    /// <summary>Serializes extractions of one bronze table (two runs must not interleave their appends and cursors).</summary>
    public const string LockTable = "SELECT pg_advisory_xact_lock(hashtext('dataplatform.bronze:' || @table))";

    /// <summary>
    /// Summarizes the page ranges a batch appended in the table's BRIN indexes (the <c>dp_batch_id</c> index), so a reader
    /// of the batches after a watermark skips every older range; ranges left unsummarized would be read whole. Reads only the
    /// new pages. Only indexes the role owns (PostgreSQL's rule for this function); the others wait for vacuum.
    /// </summary>
    public const string SummarizeBrinIndexes = """
        SELECT coalesce(sum(brin_summarize_new_values(i.indexrelid)), 0)::bigint FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
        WHERE i.indrelid = @table::regclass AND a.amname = 'brin' AND pg_has_role(c.relowner, 'USAGE')
        """;

    /// <summary>The batch and cursor of the newest committed ledger row of a table (its data committed in the same transaction).</summary>
    public const string LastExtraction = """
        SELECT batch_id, watermark_after FROM dataplatform.batch_table
        WHERE layer = 'bronze' AND table_name = @table
        ORDER BY batch_id DESC, finished_at DESC
        LIMIT 1
        """;

    /// <summary>Estimated row counts of the source tables, to start the largest first.</summary>
    public const string SourceSizes = """
        SELECT c.relname, c.reltuples::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p')
        """;

    // The latest instant a timestamp cursor may advance to: the source's clock at the start of extraction, or, when
    // a transaction that has written is still open, just before its start. Such a transaction stamps its rows with
    // its own start time (now()) but commits later; a cursor past that start would never read them.
    public const string CursorLimit = """
        SELECT least(now(), (SELECT min(xact_start) - interval '1 microsecond' FROM pg_stat_activity
                             WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()))
        """;

    /// <summary>Binary export of the source columns, optionally restricted by an incremental predicate.</summary>
    public static string SourceCopy(BronzeTablePlan plan, string? predicate) =>
        $"COPY (SELECT {plan.ColumnList()} FROM {plan.QualifiedSource}"
        + (predicate is null ? string.Empty : $" WHERE {predicate}")
        + ") TO STDOUT (FORMAT BINARY)";

    /// <summary>Binary export of the source keys only (delete detection).</summary>
    public static string SourceKeyCopy(BronzeTablePlan plan) =>
        $"COPY (SELECT {plan.KeyList()} FROM {plan.QualifiedSource}) TO STDOUT (FORMAT BINARY)";

    /// <summary>Binary import into the bronze table: source columns, then the bronze metadata.</summary>
    public static string BronzeCopy(BronzeTablePlan plan) =>
        $"COPY {plan.QualifiedBronze} ({plan.ColumnList()}, {s_metadataColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>A temporary table typed like the bronze key columns, and its binary import.</summary>
    public static string CreateSourceKeys(BronzeTablePlan plan) =>
        $"CREATE TEMPORARY TABLE {SourceKeys} ON COMMIT DROP AS SELECT {plan.KeyList()} FROM {plan.QualifiedBronze} WITH NO DATA";

    public static string SourceKeysCopy(BronzeTablePlan plan) => $"COPY {SourceKeys} ({plan.KeyList()}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Binary export of the keys and record hashes of every key's latest bronze version when that version is an upsert
    /// (and, with a predicate, inside the re-read window: a re-read row can only equal a version that matches the same
    /// predicate). One sort, no join: bronze has no key index. A batch holds a key at most once, so the highest
    /// <c>dp_batch_id</c> is the latest version.
    /// </summary>
    public static string LatestHashes(BronzeTablePlan plan, string? predicate)
    {
        var keys = plan.KeyList();
        var window = plan.Policy.Column is { } column && predicate is not null && !plan.KeyColumns.Contains(column)
            ? ", " + SqlIdentifier.Quote(column)
            : string.Empty;
        return $"""
            COPY (SELECT {keys}, dp_record_hash FROM (
                SELECT DISTINCT ON ({keys}) {keys}, dp_record_hash, dp_operation{window}
                FROM {plan.QualifiedBronze}
                ORDER BY {keys}, dp_batch_id DESC) AS l
            WHERE dp_operation = 'upsert'{(predicate is null ? string.Empty : " AND " + predicate)}) TO STDOUT (FORMAT BINARY)
            """;
    }

    /// <summary>The rows a batch appended to the bronze table: upserts, then deletes (<c>@batch</c>).</summary>
    public static string CountBatchRows(BronzeTablePlan plan)
    {
        var operation = SqlIdentifier.Quote(MixinColumns.Operation);
        return $"SELECT count(*) FILTER (WHERE {operation} = 'upsert'), count(*) FILTER (WHERE {operation} = 'delete') "
            + $"FROM {plan.QualifiedBronze} WHERE {SqlIdentifier.Quote(MixinColumns.BatchId)} = @batch";
    }

    /// <summary>
    /// Appends a <c>delete</c> row (carrying the last known values and hash) with batch <c>@batch</c> for every key whose
    /// latest version is an upsert of an earlier batch and that is gone from the source (absent from <see cref="SourceKeys"/>).
    /// </summary>
    public static string RecordDeletes(BronzeTablePlan plan)
    {
        var keys = plan.KeyList();
        var gone = $" AND NOT EXISTS (SELECT 1 FROM {SourceKeys} k WHERE "
            + string.Join(" AND ", plan.KeyColumns.Select(c => $"k.{SqlIdentifier.Quote(c)} = l.{SqlIdentifier.Quote(c)}")) + ")";
        return $"""
            INSERT INTO {plan.QualifiedBronze} ({plan.ColumnList()}, {s_metadataColumns})
            SELECT {plan.ColumnList("l")}, l.dp_record_hash, @batch, 'delete'
            FROM (
                SELECT DISTINCT ON ({keys}) *
                FROM {plan.QualifiedBronze}
                ORDER BY {keys}, dp_batch_id DESC) AS l
            WHERE l.dp_operation = 'upsert' AND l.dp_batch_id <> @batch{gone}
            """;
    }
}
