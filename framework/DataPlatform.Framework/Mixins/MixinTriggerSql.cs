using DataPlatform.Framework.Internal.Schema;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Mixins;

/// <summary>
/// The database side of the mixins, generated from the model as static SQL per table:
/// <list type="bullet">
/// <item><b>Touch</b> (reference, transactional, temporal): a BEFORE UPDATE row trigger running
/// <c>&lt;table&gt;__touch()</c>. It keeps <c>created_at</c> immutable and, when any other column changed, sets
/// <c>updated_at</c> and <c>systime</c> to <c>now()</c> unless the UPDATE set them explicitly; <c>effective_time</c> of
/// temporal rows likewise, but only when a tracked column (not excluded from history) changed, since it starts a new
/// version. An UPDATE that changes nothing bumps nothing. The comparisons are written out as
/// <c>ROW(NEW.a, …) IS DISTINCT FROM ROW(OLD.a, …)</c>, so no row is converted to jsonb.</item>
/// <item><b>History</b> (temporal): <c>&lt;table&gt;__history</c> with every tracked column (real column types, nullable),
/// <c>history_id</c> (bigint identity) and <c>operation_type</c> (INSERT/UPDATE/DELETE), written by
/// <c>&lt;table&gt;__write_history()</c> from three AFTER … FOR EACH STATEMENT triggers with transition tables (PostgreSQL
/// allows transition tables only on single-event triggers): one INSERT … SELECT per statement. INSERT and UPDATE write
/// the new row; UPDATE pairs old and new rows by primary key and writes only when a tracked column (other than
/// <c>systime</c>/<c>updated_at</c>) changed, or the key itself did; DELETE writes the old row with
/// <c>effective_time</c> and <c>systime</c> set to the time of the delete. A table without a primary key cannot pair
/// its rows, so it keeps one AFTER INSERT OR UPDATE OR DELETE row trigger with the same rules. Columns marked
/// <see cref="ExcludeFromHistoryAttribute"/> are neither copied nor compared.</item>
/// </list>
/// </summary>
internal static class MixinTriggerSql
{
    /// <summary>The transition table of old rows of the statement-level history triggers.</summary>
    public const string OldRows = "dp_old_rows";

    /// <summary>The transition table of new rows of the statement-level history triggers.</summary>
    public const string NewRows = "dp_new_rows";

    // Earlier versions: one jsonb touch function for every table, and one row-level history trigger per temporal table.
    private const string RetiredTouchFunctionName = "touch_row";

    /// <summary>The generic touch function earlier versions deployed; deploy drops it once no trigger calls it.</summary>
    public static RetiredFunction RetiredTouchFunction { get; } = new(SchemaNames.Bookkeeping, RetiredTouchFunctionName);

    /// <summary>
    /// The touch function of a table: keeps <paramref name="keep"/>, bumps <paramref name="bump"/> when any other column
    /// changed and <paramref name="version"/> when a column other than <paramref name="untracked"/> changed, each unless
    /// the UPDATE set it.
    /// </summary>
    public static FunctionDefinition TouchFunction(
        TableDefinition table, IReadOnlyList<string> bump, IReadOnlyList<string> keep, IReadOnlyList<string> version, IReadOnlyList<string> untracked)
    {
        var changed = table.Columns.Select(c => c.Name).Where(c => !bump.Contains(c) && !keep.Contains(c) && !version.Contains(c)).ToList();
        var tracked = changed.Where(c => !untracked.Contains(c)).ToList();
        var lines = new List<string> { string.Empty, "BEGIN" };
        lines.AddRange(keep.Select(c => $"    NEW.{SqlIdentifier.Quote(c)} := OLD.{SqlIdentifier.Quote(c)};"));
        if (changed.Count > 0)
        {
            lines.Add($"    IF {Distinct(table, "NEW", "OLD", changed)} THEN");
            foreach (var column in bump)
            {
                lines.AddRange(BumpUnlessSet(column, null));
            }

            if (tracked.Count > 0)
            {
                foreach (var column in version)
                {
                    lines.AddRange(BumpUnlessSet(column, tracked.Count == changed.Count ? null : Distinct(table, "NEW", "OLD", tracked)));
                }
            }

            lines.Add("    END IF;");
        }

        lines.AddRange(["    RETURN NEW;", "END;", string.Empty]);
        return Function(table.Schema, ObjectNames.Limit($"{table.Name}__touch"), string.Join("\n", lines));
    }

    /// <summary>The BEFORE UPDATE row trigger running the table's touch function.</summary>
    public static TriggerDefinition TouchTrigger(string schema, string table) =>
        new(schema, table, ObjectNames.Limit($"trg_{table}__touch"), "BEFORE", ["UPDATE"], schema, ObjectNames.Limit($"{table}__touch"), []);

    /// <summary>The history table of a temporal table: tracked columns (nullable, no defaults) plus the history columns.</summary>
    public static TableDefinition HistoryTable(TableDefinition source, IReadOnlyList<string> trackedColumns)
    {
        var name = HistoryTableName(source.Name);
        var columns = new List<ColumnDefinition> { new(MixinColumns.HistoryId, "bigint", false, null, "BY DEFAULT") };
        foreach (var column in trackedColumns.Select(c => source.FindColumn(c)!))
        {
            var required = column.Name is MixinColumns.EffectiveTime or MixinColumns.Systime;
            columns.Add(new ColumnDefinition(column.Name, column.StoreType, !required, null, null));
        }

        columns.Add(new ColumnDefinition(MixinColumns.OperationType, "text", false, null, null));
        var indexes = new List<IndexDefinition>();
        if (source.PrimaryKey is { } key && key.Columns.All(trackedColumns.Contains))
        {
            indexes.Add(new IndexDefinition(
                ObjectNames.Limit($"ix_{name}_{string.Join("_", key.Columns)}"), [.. key.Columns, MixinColumns.EffectiveTime], false, null, "btree"));
        }

        return new TableDefinition(
            source.Schema,
            name,
            columns,
            new KeyDefinition(ObjectNames.Limit($"pk_{name}"), [MixinColumns.HistoryId]),
            [],
            [new CheckDefinition(ObjectNames.Limit($"ck_{name}_operation_type"),
                $"{SqlIdentifier.Quote(MixinColumns.OperationType)} IN ('INSERT', 'UPDATE', 'DELETE')")],
            [],
            indexes,
            IsHistory: true);
    }

    /// <summary>The name of a temporal table's history table.</summary>
    public static string HistoryTableName(string table) => ObjectNames.Limit(table + MixinColumns.HistoryTableSuffix);

    /// <summary>
    /// The per-table function that writes history rows, with static SQL over the tracked columns: set-based over the
    /// transition tables when the table has a primary key, row by row otherwise.
    /// </summary>
    public static FunctionDefinition HistoryFunction(TableDefinition source, IReadOnlyList<string> trackedColumns)
    {
        var history = SqlIdentifier.Quote(source.Schema, HistoryTableName(source.Name));
        var insert = $"INSERT INTO {history} ({string.Join(", ", trackedColumns.Append(MixinColumns.OperationType).Select(SqlIdentifier.Quote))})";
        var compared = trackedColumns.Where(c => c is not MixinColumns.Systime and not MixinColumns.UpdatedAt).ToList();
        string Values(string row, bool deleting) => string.Join(", ", trackedColumns.Select(c =>
            deleting && c is MixinColumns.Systime or MixinColumns.EffectiveTime ? "now()" : $"{row}.{SqlIdentifier.Quote(c)}"));

        string[] insertBranch, updateBranch, deleteBranch;
        if (source.PrimaryKey is { } key)
        {
            var paired = string.Join(" AND ", key.Columns.Select(c => $"o.{SqlIdentifier.Quote(c)} = n.{SqlIdentifier.Quote(c)}"));
            var changed = $"o.{SqlIdentifier.Quote(key.Columns[0])} IS NULL" + (compared.Count == 0 ? string.Empty : " OR " + Distinct(source, "o", "n", compared));
            insertBranch = [$"        {insert}", $"        SELECT {Values("n", false)}, 'INSERT' FROM {NewRows} n;"];
            updateBranch =
            [
                $"        {insert}",
                $"        SELECT {Values("n", false)}, 'UPDATE'",
                $"        FROM {NewRows} n LEFT JOIN {OldRows} o ON {paired}",
                $"        WHERE {changed};",
            ];
            deleteBranch = [$"        {insert}", $"        SELECT {Values("o", true)}, 'DELETE' FROM {OldRows} o;"];
        }
        else
        {
            insertBranch = [$"        {insert} VALUES ({Values("NEW", false)}, 'INSERT');"];
            updateBranch =
            [
                $"        IF {(compared.Count == 0 ? "false" : Distinct(source, "OLD", "NEW", compared))} THEN",
                $"            {insert} VALUES ({Values("NEW", false)}, 'UPDATE');",
                "        END IF;",
            ];
            deleteBranch = [$"        {insert} VALUES ({Values("OLD", true)}, 'DELETE');"];
        }

        string[] lines =
        [
            string.Empty,
            "BEGIN",
            "    IF TG_OP = 'INSERT' THEN",
            .. insertBranch,
            "    ELSIF TG_OP = 'UPDATE' THEN",
            .. updateBranch,
            "    ELSIF TG_OP = 'DELETE' THEN",
            .. deleteBranch,
            "    END IF;",
            "    RETURN NULL;",
            "END;",
            string.Empty,
        ];
        return Function(source.Schema, HistoryFunctionName(source.Name), string.Join("\n", lines));
    }

    /// <summary>
    /// The history triggers of a temporal table: AFTER INSERT, AFTER UPDATE and AFTER DELETE, each FOR EACH STATEMENT with
    /// its transition tables; one AFTER INSERT OR UPDATE OR DELETE row trigger for a table without a primary key.
    /// </summary>
    public static IReadOnlyList<TriggerDefinition> HistoryTriggers(TableDefinition source)
    {
        var function = HistoryFunctionName(source.Name);
        if (source.PrimaryKey is null)
        {
            return [new(source.Schema, source.Name, RowHistoryTriggerName(source.Name), "AFTER", ["INSERT", "UPDATE", "DELETE"], source.Schema, function, [])];
        }

        TriggerDefinition Statement(string verb, string? oldRows, string? newRows) =>
            new(source.Schema, source.Name, StatementHistoryTriggerName(source.Name, verb.ToLowerInvariant()), "AFTER", [verb],
                source.Schema, function, [], ForEachStatement: true, OldTable: oldRows, NewTable: newRows);

        return [Statement("INSERT", null, NewRows), Statement("UPDATE", OldRows, NewRows), Statement("DELETE", OldRows, null)];
    }

    /// <summary>
    /// The history triggers of the other form, which deploy drops so history is never written twice: the row-level trigger
    /// of earlier versions on a table with a primary key, the statement-level ones on a table that no longer has one.
    /// </summary>
    public static IReadOnlyList<RetiredTrigger> RetiredHistoryTriggers(TableDefinition source)
    {
        var function = HistoryFunctionName(source.Name);
        return source.PrimaryKey is null
            ? [.. new[] { "insert", "update", "delete" }.Select(verb => new RetiredTrigger(
                source.Schema, source.Name, StatementHistoryTriggerName(source.Name, verb), source.Schema, function))]
            : [new RetiredTrigger(source.Schema, source.Name, RowHistoryTriggerName(source.Name), source.Schema, function)];
    }

    private static string RowHistoryTriggerName(string table) => ObjectNames.Limit($"trg_{table}__history");

    private static string StatementHistoryTriggerName(string table, string verb) => ObjectNames.Limit($"trg_{table}__history_{verb}");

    private static string HistoryFunctionName(string table) => ObjectNames.Limit($"{table}__write_history");

    private static string Distinct(TableDefinition table, string left, string right, IReadOnlyList<string> columns) =>
        $"ROW({string.Join(", ", columns.Select(c => Comparable(table, left, c)))}) IS DISTINCT FROM "
        + $"ROW({string.Join(", ", columns.Select(c => Comparable(table, right, c)))})";

    // json and xml have no equality operator: json compares as jsonb (as the earlier jsonb touch function did), xml as text.
    private static string Comparable(TableDefinition table, string row, string column) =>
        table.FindColumn(column)?.StoreType switch
        {
            "json" => $"{row}.{SqlIdentifier.Quote(column)}::jsonb",
            "xml" => $"{row}.{SqlIdentifier.Quote(column)}::text",
            _ => $"{row}.{SqlIdentifier.Quote(column)}",
        };

    // An explicit SET of the column (NEW differs from OLD) wins over the bump.
    private static string[] BumpUnlessSet(string column, string? condition)
    {
        var quoted = SqlIdentifier.Quote(column);
        return
        [
            $"        IF NEW.{quoted} IS NOT DISTINCT FROM OLD.{quoted}{(condition is null ? string.Empty : " AND " + condition)} THEN",
            $"            NEW.{quoted} := now();",
            "        END IF;",
        ];
    }

    private static FunctionDefinition Function(string schema, string name, string body) =>
        new(schema, name, body,
            $"CREATE OR REPLACE FUNCTION {SqlIdentifier.Quote(schema, name)}() RETURNS trigger LANGUAGE plpgsql AS $dp_fn${body}$dp_fn$;");
}
