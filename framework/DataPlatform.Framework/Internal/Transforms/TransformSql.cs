using System.Globalization;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Wraps the EF Core generated SELECTs of a <see cref="ServerPlan{TSource, TTarget}"/> into the set-based statements the
/// runner executes. Identifiers come from the target model and are quoted; values stay parameters.
/// </summary>
internal static class TransformSql
{
    /// <summary>
    /// <c>INSERT INTO target (cols) SELECT cols FROM (q) [ON CONFLICT (key) DO UPDATE SET … WHERE (t.cols) IS DISTINCT FROM
    /// (excluded.cols)]</c>, returning one row: rows selected, inserted, updated, already equal (each measured on its own, all
    /// against the table as it was before the statement), deleted.
    /// </summary>
    /// <remarks>
    /// The selected rows are counted before the first one is written (the count is a one-time filter of the INSERT's
    /// SELECT), so <c>src</c> is computed whole before the target changes. Otherwise PostgreSQL computes it row by row while
    /// inserting, and a source query that reads the target itself (silver's "not applied yet" check) scans a table that
    /// grows with every row written: quadratic when the planner, trusting statistics taken while the table was empty,
    /// probes it with a nested loop.
    /// </remarks>
    public static string Write<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, TransformMode mode, IReadOnlyList<TargetColumn> key, bool removeMissing = false)
        where TSource : class
        where TTarget : class
    {
        var table = plan.Table;
        var columns = plan.Columns.Select(c => c.Column).ToList();
        var select = string.Join(", ", plan.Columns.Select(c => c.Column.CastFrom("q", c.SourceColumn) + " AS " + c.Column.Quoted));
        var insertList = string.Join(", ", columns.Select(c => c.Quoted));
        RequireMandatoryColumns(plan.Transform.Name, table, columns, []);
        var conflict = string.Empty;
        var same = "0";
        if (mode == TransformMode.Upsert)
        {
            var missingKey = key.Where(k => !columns.Contains(k)).Select(k => k.Property).ToList();
            if (missingKey.Count > 0)
            {
                throw new TransformBuildException(
                    $"Transform {plan.Transform.Name}: the upsert key of {table.DisplayName} ({string.Join(", ", missingKey)}) is not set by the map.");
            }

            var compared = columns.Where(c => !key.Contains(c) && c.Column != Mixins.MixinColumns.CreatedAt).ToList();
            var touched = table.TouchColumns.Where(c => !columns.Contains(c)).ToList();
            conflict = compared.Count == 0
                ? $" ON CONFLICT ({Join(key)}) DO NOTHING"
                : $" ON CONFLICT ({Join(key)}) DO UPDATE SET "
                    + string.Join(", ", compared.Select(c => $"{c.Quoted} = excluded.{c.Quoted}").Concat(touched.Select(c => $"{c.Quoted} = now()")))
                    + $" WHERE ({string.Join(", ", compared.Select(c => "t." + c.Quoted))}) IS DISTINCT FROM ({string.Join(", ", compared.Select(c => "excluded." + c.Quoted))})";

            // Measured, not taken as the rest: the rows the upsert leaves alone because the table already holds them as they
            // are. An input row that collapses into another input row's key is neither inserted, updated nor this.
            var equal = compared.Count == 0
                ? string.Empty
                : $" AND ({string.Join(", ", compared.Select(c => "t." + c.Quoted))}) IS NOT DISTINCT FROM ({string.Join(", ", compared.Select(c => "src." + c.Quoted))})";
            same = $"(SELECT count(*) FROM src WHERE EXISTS (SELECT 1 FROM {table.QualifiedName} AS t WHERE {string.Join(" AND ", key.Select(k => $"t.{k.Quoted} = src.{k.Quoted}"))}{equal}))";
        }

        // The DELETE and the INSERT of one statement touch disjoint keys (rows missing from src, rows in src), and both see
        // the target as it was before the statement.
        var delete = removeMissing
            ? $",\n    del AS (DELETE FROM {table.QualifiedName} AS t WHERE (SELECT n FROM selected) >= 0 AND NOT EXISTS (SELECT 1 FROM src WHERE {string.Join(" AND ", key.Select(k => $"src.{k.Quoted} = t.{k.Quoted}"))}) RETURNING 1)"
            : string.Empty;
        var deleted = removeMissing ? "(SELECT count(*) FROM del)" : "0";
        return $"""
            WITH src AS MATERIALIZED (SELECT {select} FROM ({plan.Pass.Sql}) AS q),
            selected AS MATERIALIZED (SELECT count(*) AS n FROM src),
            ins AS (INSERT INTO {table.QualifiedName} AS t ({insertList}) SELECT {insertList} FROM src WHERE (SELECT n FROM selected) >= 0{conflict} RETURNING (xmax = 0) AS inserted){delete}
            SELECT (SELECT n FROM selected), count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted), {same}, {deleted} FROM ins
            """;
    }

    /// <summary>
    /// Inserts the quarantined rows into <see cref="QuarantineTable"/> in one statement, returning how many. The raw row is
    /// <c>to_jsonb</c> of the selected source row; messages come from parameters <c>@dp_rule_N</c>/<c>@dp_message_N</c>.
    /// The classified input is a materialized CTE, so each row's rules run once, not once per reference to the rule.
    /// </summary>
    public static string Quarantine<TSource, TTarget>(ServerPlan<TSource, TTarget> plan)
        where TSource : class
        where TTarget : class
    {
        var rule = "q." + Quote(QuarantineProbe<TSource>.RuleColumn);
        var key = plan.KeyColumns.Count == 0 ? "''" : $"concat_ws('|', {string.Join(", ", plan.KeyColumns.Select(k => $"r.j ->> {Literal(k)}"))})";
        var messages = string.Join(", ", plan.Transform.Rules.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"(@dp_rule_{i}, @dp_message_{i})")));
        var table = QuarantineTable.QualifiedName;
        var open = $"t.table_name = @dp_table AND t.row_key = f.row_key AND t.rule = f.rule AND t.resolved_batch_id IS NULL";

        // Both writes see the table as it was before the statement: entries still open are updated, the rest inserted.
        return $"""
            WITH q AS MATERIALIZED ({plan.Quarantine!.Sql}),
            f AS MATERIALIZED (
                SELECT {key} AS row_key, {rule} AS rule, m.message, r.j
                FROM q CROSS JOIN LATERAL (SELECT to_jsonb(q) - {Literal(QuarantineProbe<TSource>.RuleColumn)} AS j) AS r
                JOIN (VALUES {messages}) AS m (rule, message) ON m.rule = {rule}
                WHERE {rule} IS NOT NULL),
            upd AS (UPDATE {table} AS t SET last_seen_batch_id = @dp_batch_id, transform = @dp_transform, message = f.message, raw_row = f.j
                FROM f WHERE {open}
                RETURNING 1),
            ins AS (INSERT INTO {table} (batch_id, last_seen_batch_id, transform, table_name, row_key, rule, message, raw_row)
                SELECT @dp_batch_id, @dp_batch_id, @dp_transform, @dp_table, f.row_key, f.rule, f.message, f.j
                FROM f WHERE NOT EXISTS (SELECT 1 FROM {table} AS t WHERE {open})
                RETURNING 1)
            SELECT count(*), (SELECT count(*) FROM upd), (SELECT count(*) FROM ins) FROM f
            """;
    }

    /// <summary>
    /// Resolves the open entries of the target table the batch did not find again (the row passed, failed another rule, or
    /// left the source), and older duplicates of an open entry (written before entries were kept open one per rule).
    /// </summary>
    public static string ResolveQuarantine => $"""
        UPDATE {QuarantineTable.QualifiedName} AS t SET resolved_batch_id = @dp_batch_id, resolved_at = now()
        WHERE t.table_name = @dp_table AND t.resolved_batch_id IS NULL
          AND (coalesce(t.last_seen_batch_id, t.batch_id) < @dp_batch_id
               OR EXISTS (SELECT 1 FROM {QuarantineTable.QualifiedName} AS n
                          WHERE n.table_name = t.table_name AND n.row_key = t.row_key AND n.rule = t.rule
                            AND n.resolved_batch_id IS NULL AND n.quarantine_id > t.quarantine_id))
        """;

    /// <summary>Fails the build when the map leaves out a NOT NULL column the database cannot fill itself.</summary>
    public static void RequireMandatoryColumns(string transform, TargetTable table, IReadOnlyList<TargetColumn> mapped, IEnumerable<TargetColumn> filledByRunner)
    {
        var filled = filledByRunner.ToHashSet();
        var missing = table.Columns.Where(c => !c.IsNullable && !c.HasDefault && !mapped.Contains(c) && !filled.Contains(c)).Select(c => c.Property).ToList();
        if (missing.Count > 0)
        {
            throw new TransformBuildException(
                $"Transform {transform}: the map does not set {string.Join(", ", missing)} of {table.DisplayName}, which are NOT NULL without a default.");
        }
    }

    /// <summary>
    /// Deletes the target rows whose key the pass query no longer produces, returning how many; for targets whose removal
    /// must wait for other steps (a dimension its facts still reference).
    /// </summary>
    public static string RemoveMissing<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, IReadOnlyList<TargetColumn> key)
        where TSource : class
        where TTarget : class
    {
        var missingKey = key.Where(k => !plan.Columns.Any(c => c.Column == k)).Select(k => k.Property).ToList();
        if (missingKey.Count > 0)
        {
            throw new TransformBuildException(
                $"Transform {plan.Transform.Name}: the key of {plan.Table.DisplayName} ({string.Join(", ", missingKey)}) is not set by the map.");
        }

        var select = string.Join(", ", key.Select(k => plan.Columns.First(c => c.Column == k)).Select(c => c.Column.CastFrom("q", c.SourceColumn) + " AS " + c.Column.Quoted));
        return $"""
            WITH src AS MATERIALIZED (SELECT {select} FROM ({plan.Pass.Sql}) AS q),
            del AS (DELETE FROM {plan.Table.QualifiedName} AS t WHERE NOT EXISTS (SELECT 1 FROM src WHERE {string.Join(" AND ", key.Select(k => $"src.{k.Quoted} = t.{k.Quoted}"))}) RETURNING 1)
            SELECT count(*) FROM del
            """;
    }

    public static string Count(SqlQuery rows) => $"SELECT count(*) FROM ({rows.Sql}) AS q";

    public static string Join(IEnumerable<TargetColumn> columns) => string.Join(", ", columns.Select(c => c.Quoted));

    public static string Quote(string column) => "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
