using DataPlatform.Framework.Internal.Schema;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Mixins;

/// <summary>
/// The database side of the mixins, generated from the model:
/// <list type="bullet">
/// <item><b>Touch</b> (reference, transactional, temporal): one generic function <c>dataplatform.touch_row()</c> and a
/// BEFORE UPDATE row trigger per table. It keeps <c>created_at</c> immutable and, when any other column changed, sets
/// <c>updated_at</c> and <c>systime</c> to <c>now()</c> unless the UPDATE set them explicitly; <c>effective_time</c> of
/// temporal rows likewise, but only when a tracked column (not excluded from history) changed, since it starts a new
/// version. An UPDATE that changes nothing bumps nothing. The function patches the row with
/// <c>jsonb_populate_record(NEW, patch)</c>, so one function serves every table.</item>
/// <item><b>History</b> (temporal): <c>&lt;table&gt;__history</c> with every tracked column (real column types, nullable),
/// <c>history_id</c> (bigint identity) and <c>operation_type</c> (INSERT/UPDATE/DELETE), and an AFTER INSERT OR UPDATE OR
/// DELETE row trigger running a per-table function with static SQL. INSERT and UPDATE write the new row; UPDATE only
/// when a tracked column (other than <c>systime</c>/<c>updated_at</c>) changed; DELETE writes the old row with
/// <c>effective_time</c> and <c>systime</c> set to the time of the delete. Columns marked
/// <see cref="ExcludeFromHistoryAttribute"/> are neither copied nor compared.</item>
/// </list>
/// </summary>
internal static class MixinTriggerSql
{
    public const string TouchFunctionName = "touch_row";

    // TG_ARGV: [0] columns bumped on any change, [1] columns kept immutable, [2] columns bumped only when a tracked
    // column changed (effective_time), [3] untracked columns (excluded from history) whose change alone does not count.
    private const string TouchBody = """

        DECLARE
            old_row jsonb := to_jsonb(OLD);
            new_row jsonb := to_jsonb(NEW);
            bump text[] := string_to_array(coalesce(TG_ARGV[0], ''), ',');
            keep text[] := string_to_array(coalesce(TG_ARGV[1], ''), ',');
            version text[] := string_to_array(coalesce(TG_ARGV[2], ''), ',');
            untracked text[] := string_to_array(coalesce(TG_ARGV[3], ''), ',');
            patch jsonb := '{}'::jsonb;
            col text;
        BEGIN
            FOREACH col IN ARRAY keep LOOP
                patch := patch || jsonb_build_object(col, old_row -> col);
            END LOOP;
            new_row := new_row || patch;
            IF (new_row - bump - version) IS DISTINCT FROM (old_row - bump - version) THEN
                FOREACH col IN ARRAY bump LOOP
                    IF (new_row -> col) IS NOT DISTINCT FROM (old_row -> col) THEN
                        patch := patch || jsonb_build_object(col, now());
                    END IF;
                END LOOP;
                IF (new_row - bump - version - untracked) IS DISTINCT FROM (old_row - bump - version - untracked) THEN
                    FOREACH col IN ARRAY version LOOP
                        IF (new_row -> col) IS NOT DISTINCT FROM (old_row -> col) THEN
                            patch := patch || jsonb_build_object(col, now());
                        END IF;
                    END LOOP;
                END IF;
            END IF;
            IF patch = '{}'::jsonb THEN
                RETURN NEW;
            END IF;
            RETURN jsonb_populate_record(NEW, patch);
        END;

        """;

    /// <summary>The generic touch function in the bookkeeping schema.</summary>
    public static FunctionDefinition TouchFunction() => Function(SchemaNames.Bookkeeping, TouchFunctionName, TouchBody);

    /// <summary>
    /// The BEFORE UPDATE trigger of a table: bumps <paramref name="bump"/> on any change, keeps <paramref name="keep"/>,
    /// and bumps <paramref name="version"/> only when a column other than <paramref name="untracked"/> changed.
    /// </summary>
    public static TriggerDefinition TouchTrigger(
        string schema, string table, IReadOnlyList<string> bump, IReadOnlyList<string> keep, IReadOnlyList<string> version, IReadOnlyList<string> untracked) =>
        new(schema, table, ObjectNames.Limit($"trg_{table}__touch"), "BEFORE", ["UPDATE"], SchemaNames.Bookkeeping, TouchFunctionName,
            [string.Join(",", bump), string.Join(",", keep), string.Join(",", version), string.Join(",", untracked)]);

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

    /// <summary>The per-table function that writes history rows, with static SQL over the tracked columns.</summary>
    public static FunctionDefinition HistoryFunction(TableDefinition source, IReadOnlyList<string> trackedColumns)
    {
        var history = SqlIdentifier.Quote(source.Schema, HistoryTableName(source.Name));
        var columnList = string.Join(", ", trackedColumns.Select(SqlIdentifier.Quote)) + ", " + SqlIdentifier.Quote(MixinColumns.OperationType);
        var compared = trackedColumns.Where(c => c is not MixinColumns.Systime and not MixinColumns.UpdatedAt).ToList();
        string Values(string row, bool deleting) => string.Join(", ", trackedColumns.Select(c =>
            deleting && (c == MixinColumns.Systime || c == MixinColumns.EffectiveTime) ? "now()" : $"{row}.{SqlIdentifier.Quote(c)}"));
        string Row(string row) => "ROW(" + string.Join(", ", compared.Select(c => $"{row}.{SqlIdentifier.Quote(c)}")) + ")";

        var changed = compared.Count == 0 ? "false" : $"{Row("OLD")} IS DISTINCT FROM {Row("NEW")}";
        var insert = $"INSERT INTO {history} ({columnList}) VALUES";
        string[] lines =
        [
            string.Empty,
            "BEGIN",
            "    IF TG_OP = 'INSERT' THEN",
            $"        {insert} ({Values("NEW", false)}, 'INSERT');",
            "    ELSIF TG_OP = 'UPDATE' THEN",
            $"        IF {changed} THEN",
            $"            {insert} ({Values("NEW", false)}, 'UPDATE');",
            "        END IF;",
            "    ELSIF TG_OP = 'DELETE' THEN",
            $"        {insert} ({Values("OLD", true)}, 'DELETE');",
            "    END IF;",
            "    RETURN NULL;",
            "END;",
            string.Empty,
        ];
        return Function(source.Schema, HistoryFunctionName(source.Name), string.Join("\n", lines));
    }

    /// <summary>The AFTER INSERT OR UPDATE OR DELETE trigger of a temporal table.</summary>
    public static TriggerDefinition HistoryTrigger(string schema, string table) =>
        new(schema, table, ObjectNames.Limit($"trg_{table}__history"), "AFTER", ["INSERT", "UPDATE", "DELETE"], schema,
            HistoryFunctionName(table), []);

    private static string HistoryFunctionName(string table) => ObjectNames.Limit($"{table}__write_history");

    private static FunctionDefinition Function(string schema, string name, string body) =>
        new(schema, name, body,
            $"CREATE OR REPLACE FUNCTION {SqlIdentifier.Quote(schema, name)}() RETURNS trigger LANGUAGE plpgsql AS $dp_fn${body}$dp_fn$;");
}
