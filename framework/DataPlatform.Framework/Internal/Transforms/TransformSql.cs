using System.Globalization;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Wraps the EF Core generated SELECTs of a <see cref="ServerPlan{TSource, TTarget}"/> into the set-based statements the
/// runner executes. Identifiers come from the target model and are quoted; values stay parameters.
/// </summary>
internal static class TransformSql
{
    /// <summary>The temporary table the one classification pass of a transform with rules writes (see <see cref="Classify"/>).</summary>
    public const string ClassifiedTable = "dp_classified";

    /// <summary>The rule column of <see cref="ClassifiedTable"/>: the first failing rule, NULL when the row passes.</summary>
    public const string RuleColumn = "dp_rule";

    /// <summary>The raw row column of <see cref="ClassifiedTable"/>: the source row as jsonb, set only when the row fails.</summary>
    public const string RawRowColumn = "dp_raw_row";

    /// <summary>
    /// <c>CREATE TEMPORARY TABLE stage AS SELECT cols FROM (q)</c>: the rows a write step inserts or upserts, typed like the
    /// target's columns. Its row count is the number of rows that passed the rules. For a transform with rules the rows come
    /// from <see cref="ClassifiedTable"/> (run <see cref="Classify"/> first), otherwise from the pass query; then the stage
    /// is a temporary view of the passing classified rows unless <paramref name="materialize"/> (see <see cref="InputStage"/>).
    /// </summary>
    /// <remarks>
    /// The input is read whole before the target changes. Computed row by row while inserting, a source query that reads the
    /// target itself (silver's "not applied yet" check) would scan a table that grows with every row written: quadratic
    /// when the planner, trusting statistics taken while the table was empty, probes it with a nested loop.
    /// </remarks>
    public static string Stage<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, string stage, bool materialize = false)
        where TSource : class
        where TTarget : class
    {
        if (plan.Classification is not null)
        {
            var passing = $"SELECT {Join(plan.Columns.Select(c => c.Column))} FROM {ClassifiedTable} WHERE {RuleColumn} IS NULL";
            return materialize ? $"CREATE TEMPORARY TABLE {stage} ON COMMIT DROP AS {passing}" : $"CREATE TEMPORARY VIEW {stage} AS {passing}";
        }

        var select = string.Join(", ", plan.Columns.Select(c => c.Column.CastFrom("q", c.SourceColumn) + " AS " + c.Column.Quoted));
        return $"CREATE TEMPORARY TABLE {stage} ON COMMIT DROP AS SELECT {select} FROM ({plan.Pass.Sql}) AS q";
    }

    /// <summary>
    /// The one pass over the input of a transform with rules: <c>CREATE TEMPORARY TABLE dp_classified AS</c> every input row
    /// with its first failing rule (<see cref="RuleColumn"/>), its raw row as jsonb when it fails (<see cref="RawRowColumn"/>,
    /// the keys of <c>to_jsonb</c> of the quarantine query's row) and its target columns, typed like the target's, when it
    /// passes. Its row count is the number of rows read; <see cref="Quarantine"/> and <see cref="Stage"/> read the table.
    /// </summary>
    public static string Classify<TSource, TTarget>(ServerPlan<TSource, TTarget> plan)
        where TSource : class
        where TTarget : class
    {
        // The query's columns are renamed by position (c0 the rule, then the raw row, then the members): EF Core may give a
        // member the name of a source column.
        var classification = plan.Classification!;
        var names = string.Join(", ", classification.Columns.Select((_, i) => Quote(PositionalColumn(i))));
        var rule = "x." + Quote(PositionalColumn(0));

        // The raw row is to_jsonb of a lateral row named like the quarantine query's columns (server-reported names, so valid
        // identifiers): about a third cheaper per failing row than jsonb_build_object, which looks up every argument's type
        // per row, and without its 100-argument limit. A repeated name keeps its last value in both.
        var rawColumns = string.Join(", ", plan.RawRowColumns.Select(c => $"x.{Quote(PositionalColumn(c.Position))} AS {Quote(c.Key)}"));
        var target = string.Concat(plan.ClassifiedColumns.Select(c => ", " + c.Column.CastFrom("x", PositionalColumn(c.Position)) + " AS " + c.Column.Quoted));

        // The mapping query's own OFFSET fence is dropped: it reads the rule as a plain column of the fenced classifying
        // query, so letting PostgreSQL flatten it into this statement repeats nothing and saves a pass copying every wide row
        // (at Pagila x30, 0.6 s of fact_rental's 6.6 s).
        return $"""
            CREATE TEMPORARY TABLE {ClassifiedTable} ON COMMIT DROP AS
            SELECT {rule} AS {RuleColumn}, CASE WHEN {rule} IS NOT NULL THEN to_jsonb(dp_raw) END AS {RawRowColumn}{target}
            FROM ({classification.WithoutOuterZeroOffset()}) AS x ({names})
            CROSS JOIN LATERAL (SELECT {rawColumns}) AS dp_raw
            """;
    }

    private static string PositionalColumn(int position) => string.Create(CultureInfo.InvariantCulture, $"c{position}");

    /// <summary>The temporary table of an upsert's staged keys the target already holds (dropped at the end of the write).</summary>
    public const string ExistingTable = "dp_write_existing";

    /// <summary>
    /// The statements writing the staged rows. An insert is <c>INSERT INTO target (cols) SELECT cols FROM stage</c>. An upsert
    /// first records which staged keys the target holds, and whether their row is already equal, in <see cref="ExistingTable"/>;
    /// then <c>UPDATE target SET … FROM stage WHERE key matches AND (t.cols) IS DISTINCT FROM (s.cols)</c>, then
    /// <c>INSERT … WHERE the key is not in ExistingTable</c>.
    /// </summary>
    /// <remarks>
    /// Not <c>INSERT … ON CONFLICT DO UPDATE</c>: its speculative insertion costs about 1.6 times a plain insert per new row
    /// (481k rows into an empty fact table: 5.5 s against 3.3 s), and the layer's run lock already keeps other writers of the
    /// tool out. A key another session inserts meanwhile fails the step with a unique violation, which rolls it back. The
    /// insert never reads the target: into a target that looked empty when the statement was planned, an anti-join probing
    /// it would rescan every row the statement had inserted so far (quadratic).
    /// </remarks>
    public static WriteSql Write<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, TransformMode mode, IReadOnlyList<TargetColumn> key, string stage)
        where TSource : class
        where TTarget : class
    {
        var table = plan.Table;
        var columns = plan.Columns.Select(c => c.Column).ToList();
        var insertList = string.Join(", ", columns.Select(c => c.Quoted));
        RequireMandatoryColumns(plan.Transform.Name, table, columns, []);
        if (mode != TransformMode.Upsert)
        {
            return new WriteSql(null, null, null, $"INSERT INTO {table.QualifiedName} ({insertList}) SELECT {insertList} FROM {stage}");
        }

        RequireKey(plan, key);
        var compared = columns.Where(c => !key.Contains(c) && c.Column != Mixins.MixinColumns.CreatedAt).ToList();
        var touched = table.TouchColumns.Where(c => !columns.Contains(c)).ToList();
        var matches = string.Join(" AND ", key.Select(k => $"t.{k.Quoted} = s.{k.Quoted}"));
        var targetColumns = $"({string.Join(", ", compared.Select(c => "t." + c.Quoted))})";
        var stagedColumns = $"({string.Join(", ", compared.Select(c => "s." + c.Quoted))})";
        var equal = compared.Count == 0 ? "true" : $"{targetColumns} IS NOT DISTINCT FROM {stagedColumns}";

        // One row per staged row whose key the target holds: an input row that collapses into another input row's key is
        // then neither inserted, updated nor equal, so the accounting that follows reports it.
        var existing = $"""
            CREATE TEMPORARY TABLE {ExistingTable} ON COMMIT DROP AS
            SELECT {string.Join(", ", key.Select(k => "s." + k.Quoted))}, {equal} AS dp_equal FROM {stage} AS s JOIN {table.QualifiedName} AS t ON {matches}
            """;
        var update = compared.Count == 0
            ? null
            : $"UPDATE {table.QualifiedName} AS t SET "
                + string.Join(", ", compared.Select(c => $"{c.Quoted} = s.{c.Quoted}").Concat(touched.Select(c => $"{c.Quoted} = now()")))
                + $" FROM {stage} AS s WHERE {matches} AND {targetColumns} IS DISTINCT FROM {stagedColumns}";
        var insert = $"""
            INSERT INTO {table.QualifiedName} ({insertList}) SELECT {insertList} FROM {stage} AS s
            WHERE NOT EXISTS (SELECT 1 FROM {ExistingTable} AS e WHERE {string.Join(" AND ", key.Select(k => $"e.{k.Quoted} = s.{k.Quoted}"))})
            """;
        return new WriteSql(existing, $"SELECT count(*), count(*) FILTER (WHERE dp_equal) FROM {ExistingTable}", update, insert);
    }

    /// <summary>The array parameter holding the target keys an incremental run recomputes.</summary>
    public const string KeysParameter = "dp_keys";

    /// <summary>
    /// Deletes the target rows whose key is not in the stage, returning how many (run before <see cref="Write{TSource, TTarget}"/>); when
    /// <paramref name="scoped"/>, only among the keys of <see cref="KeysParameter"/> (an incremental run, one key column).
    /// </summary>
    public static string DeleteMissing<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, IReadOnlyList<TargetColumn> key, string stage, bool scoped)
        where TSource : class
        where TTarget : class
    {
        RequireKey(plan, key);
        var scope = scoped ? $"t.{key.Single().Quoted} = ANY(@{KeysParameter}) AND " : string.Empty;
        return $"""
            WITH del AS (DELETE FROM {plan.Table.QualifiedName} AS t WHERE {scope}NOT EXISTS (SELECT 1 FROM {stage} AS s WHERE {string.Join(" AND ", key.Select(k => $"s.{k.Quoted} = t.{k.Quoted}"))}) RETURNING 1)
            SELECT count(*) FROM del
            """;
    }

    private static void RequireKey<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, IReadOnlyList<TargetColumn> key)
        where TSource : class
        where TTarget : class
    {
        var missingKey = key.Where(k => !plan.Columns.Any(c => c.Column == k)).Select(k => k.Property).ToList();
        if (missingKey.Count > 0)
        {
            throw new TransformBuildException(
                $"Transform {plan.Transform.Name}: the key of {plan.Table.DisplayName} ({string.Join(", ", missingKey)}) is not set by the map.");
        }
    }

    /// <summary>The temporary table of the rows a step quarantines, each with whether its entry is open already.</summary>
    public const string QuarantinedTable = "dp_quarantined";

    /// <summary>
    /// The statements writing the failing rows of <see cref="ClassifiedTable"/> to <see cref="QuarantineTable"/>. With open
    /// entries (<paramref name="anyOpen"/>): collect the failing rows (key, rule, message, raw row, and whether the entry is
    /// open already) in <see cref="QuarantinedTable"/>, whose row count is the rows quarantined; then update the open entries
    /// and insert the others. Without: insert every failing row (a first load, a clean history), then ask whether one key
    /// failed twice under one rule. Messages come from parameters <c>@dp_rule_N</c>/<c>@dp_message_N</c>.
    /// </summary>
    /// <remarks>
    /// Separate statements, so the insert never probes the table it grows: into a quarantine analyzed as empty that probe was
    /// a rescan of every entry inserted so far (1.8 s for 25k failing rentals, quadratic beyond). Without open entries there is
    /// no probe, and the collected copy of the failing rows (0.3-0.5 s per large table at Pagila x10) is skipped.
    /// </remarks>
    public static QuarantineSql Quarantine<TSource, TTarget>(ServerPlan<TSource, TTarget> plan, bool anyOpen = true)
        where TSource : class
        where TTarget : class
    {
        var key = plan.KeyColumns.Count == 0 ? "''" : $"concat_ws('|', {string.Join(", ", plan.KeyColumns.Select(k => $"c.{RawRowColumn} ->> {Literal(k)}"))})";
        var messages = string.Join(", ", plan.Transform.Rules.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"(@dp_rule_{i}, @dp_message_{i})")));
        var failing = $"""
            FROM {ClassifiedTable} AS c JOIN (VALUES {messages}) AS m (rule, message) ON m.rule = c.{RuleColumn}
                  WHERE c.{RuleColumn} IS NOT NULL
            """;
        var table = QuarantineTable.QualifiedName;
        var columns = $"INSERT INTO {table} (batch_id, last_seen_batch_id, transform, table_name, row_key, rule, message, raw_row)";
        if (!anyOpen)
        {
            var direct = $"""
                {columns}
                SELECT @dp_batch_id, @dp_batch_id, @dp_transform, @dp_table, {key}, c.{RuleColumn}, m.message, c.{RawRowColumn}
                {failing}
                """;
            var twice = $"""
                SELECT count(*) FROM (SELECT 1 FROM {ClassifiedTable} AS c WHERE c.{RuleColumn} IS NOT NULL GROUP BY {key}, c.{RuleColumn} HAVING count(*) > 1 LIMIT 1) AS d
                """;
            return new QuarantineSql(null, null, direct, twice);
        }

        var open = "t.table_name = @dp_table AND t.row_key = f.row_key AND t.rule = f.rule AND t.resolved_batch_id IS NULL";
        var collect = $"""
            CREATE TEMPORARY TABLE {QuarantinedTable} ON COMMIT DROP AS
            SELECT f.*, EXISTS (SELECT 1 FROM {table} AS t WHERE {open}) AS is_open
            FROM (SELECT {key} AS row_key, c.{RuleColumn} AS rule, m.message, c.{RawRowColumn} AS j
                  {failing}) AS f
            """;
        var update = $"""
            UPDATE {table} AS t SET last_seen_batch_id = @dp_batch_id, transform = @dp_transform, message = f.message, raw_row = f.j
            FROM {QuarantinedTable} AS f WHERE f.is_open AND {open}
            """;
        var insert = $"""
            {columns}
            SELECT @dp_batch_id, @dp_batch_id, @dp_transform, @dp_table, f.row_key, f.rule, f.message, f.j
            FROM {QuarantinedTable} AS f WHERE NOT f.is_open
            """;
        return new QuarantineSql(collect, update, insert, null);
    }

    /// <summary>Whether the target table has an open quarantine entry (before a step writes its own): 1 or 0.</summary>
    public static string AnyOpenQuarantine => $"""
        SELECT count(*) FROM (SELECT 1 FROM {QuarantineTable.QualifiedName} WHERE table_name = @dp_table AND resolved_batch_id IS NULL LIMIT 1) AS o
        """;

    /// <summary>
    /// Resolves the open entries of the target table the batch did not find again (the row passed, failed another rule, or
    /// left the source), and older duplicates of an open entry (written before entries were kept open one per rule): every
    /// open entry but the newest of its key and rule, found with one grouped, hashed list rather than a probe per entry.
    /// </summary>
    public static string ResolveQuarantine => $"""
        UPDATE {QuarantineTable.QualifiedName} AS t SET resolved_batch_id = @dp_batch_id, resolved_at = now()
        WHERE t.table_name = @dp_table AND t.resolved_batch_id IS NULL
          AND (coalesce(t.last_seen_batch_id, t.batch_id) < @dp_batch_id
               OR t.quarantine_id NOT IN (SELECT max(n.quarantine_id) FROM {QuarantineTable.QualifiedName} AS n
                                          WHERE n.table_name = @dp_table AND n.resolved_batch_id IS NULL GROUP BY n.row_key, n.rule))
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
        RequireKey(plan, key);
        var select = string.Join(", ", key.Select(k => plan.Columns.First(c => c.Column == k)).Select(c => c.Column.CastFrom("q", c.SourceColumn) + " AS " + c.Column.Quoted));
        return $"""
            WITH src AS MATERIALIZED (SELECT {select} FROM ({plan.Pass.Sql}) AS q),
            del AS (DELETE FROM {plan.Table.QualifiedName} AS t WHERE NOT EXISTS (SELECT 1 FROM src WHERE {string.Join(" AND ", key.Select(k => $"src.{k.Quoted} = t.{k.Quoted}"))}) RETURNING 1)
            SELECT count(*) FROM del
            """;
    }

    public static string Join(IEnumerable<TargetColumn> columns) => string.Join(", ", columns.Select(c => c.Quoted));

    public static string Quote(string column) => "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
