using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Schema;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>
/// Compares the desired schema with the live one and classifies every difference (None/Create/Update/Invalid, as Weasel
/// does). Objects that exist only in the database are left alone (so are storage parameters the model does not
/// declare): deploy never drops a table, a column or data.
/// The result is in deploy order: schemas → enums → functions → tables → columns → primary/unique/check constraints →
/// foreign keys → indexes → history tables → triggers (retired ones dropped first) → retired functions. Retired objects
/// are the ones earlier versions deployed and the model replaced: deploy drops those, and only those.
/// </summary>
internal static class SchemaDiffer
{
    private enum Stage
    {
        Schemas,
        Enums,
        Functions,
        Tables,
        Columns,
        Keys,
        ForeignKeys,
        Indexes,
        History,
        Triggers,
        RetiredFunctions,
    }

    public static IReadOnlyList<SchemaDifference> Diff(SchemaSnapshot desired, SchemaSnapshot live)
    {
        var changes = new List<(Stage Stage, SchemaDifference Difference)>();
        void Add(Stage stage, SchemaChange change, SchemaObjectKind kind, string name, string description, string sql) =>
            changes.Add((stage, new SchemaDifference(change, kind, name, description, sql)));

        foreach (var schema in desired.Schemas.Where(s => !live.Schemas.Contains(s)))
        {
            Add(Stage.Schemas, SchemaChange.Create, SchemaObjectKind.Schema, schema, "schema is missing", SchemaSql.CreateSchema(schema));
        }

        foreach (var wanted in desired.Enums)
        {
            DiffEnum(wanted, live.Enums.FirstOrDefault(e => e.Schema == wanted.Schema && e.Name == wanted.Name), Add);
        }

        foreach (var function in desired.Functions)
        {
            var name = function.Schema + "." + function.Name;
            var existing = live.Functions.FirstOrDefault(f => f.Schema == function.Schema && f.Name == function.Name);
            if (existing is null)
            {
                Add(Stage.Functions, SchemaChange.Create, SchemaObjectKind.Function, name, "function is missing", function.CreateSql);
            }
            else if (existing.Body != function.Body)
            {
                Add(Stage.Functions, SchemaChange.Update, SchemaObjectKind.Function, name, "function body differs from the model", function.CreateSql);
            }
        }

        foreach (var table in desired.Tables)
        {
            var existing = live.Tables.FirstOrDefault(t => t.Schema == table.Schema && t.Name == table.Name);
            DiffTable(table, existing, Add);
        }

        var released = new HashSet<string>(StringComparer.Ordinal);
        foreach (var retired in desired.RetiredTriggers)
        {
            if (live.Triggers.Any(t => t.QualifiedName == retired.QualifiedName
                && t.FunctionSchema == retired.FunctionSchema && t.FunctionName == retired.FunctionName))
            {
                released.Add(retired.QualifiedName);
                Add(Stage.Triggers, SchemaChange.Update, SchemaObjectKind.Trigger, retired.QualifiedName,
                    "trigger of an earlier version, replaced by the model's triggers", SchemaSql.DropTrigger(retired.Schema, retired.Table, retired.Name));
            }
        }

        foreach (var trigger in desired.Triggers)
        {
            var current = live.Triggers.FirstOrDefault(t => t.QualifiedName == trigger.QualifiedName);
            if (current is not null && (current.FunctionSchema != trigger.FunctionSchema || current.FunctionName != trigger.FunctionName))
            {
                released.Add(current.QualifiedName);
            }

            DiffTrigger(trigger, current, Add);
        }

        foreach (var retired in desired.RetiredFunctions)
        {
            var name = retired.Schema + "." + retired.Name;
            var current = live.Functions.FirstOrDefault(f => f.Schema == retired.Schema && f.Name == retired.Name);
            if (current is not null && current.CalledBy.All(released.Contains))
            {
                Add(Stage.RetiredFunctions, SchemaChange.Update, SchemaObjectKind.Function, name,
                    "function of an earlier version that no trigger calls any more", SchemaSql.DropFunction(retired.Schema, retired.Name));
            }
        }

        return [.. changes.OrderBy(c => c.Stage).Select(c => c.Difference)];
    }

    private delegate void AddChange(Stage stage, SchemaChange change, SchemaObjectKind kind, string name, string description, string sql);

    private static void DiffEnum(EnumDefinition wanted, EnumDefinition? existing, AddChange add)
    {
        var name = wanted.Schema + "." + wanted.Name;
        if (existing is null)
        {
            add(Stage.Enums, SchemaChange.Create, SchemaObjectKind.Enum, name, "enum type is missing", SchemaSql.CreateEnum(wanted));
            return;
        }

        var common = wanted.Labels.Where(existing.Labels.Contains).ToList();
        var keepsOrder = common.SequenceEqual(existing.Labels.Where(wanted.Labels.Contains));
        if (existing.Labels.Any(l => !wanted.Labels.Contains(l)) || !keepsOrder)
        {
            add(Stage.Enums, SchemaChange.Invalid, SchemaObjectKind.Enum, name,
                $"labels ({string.Join(", ", existing.Labels)}) cannot be altered into ({string.Join(", ", wanted.Labels)}) without rewriting data",
                $"-- PostgreSQL cannot drop or reorder enum labels; recreate the type by hand:\n{SchemaSql.CreateEnum(wanted)}");
            return;
        }

        var statements = new List<string>();
        for (var i = 0; i < wanted.Labels.Count; i++)
        {
            var label = wanted.Labels[i];
            if (!existing.Labels.Contains(label))
            {
                var position = i > 0
                    ? $" AFTER {SchemaSql.Literal(wanted.Labels[i - 1])}"
                    : common.Count > 0 ? $" BEFORE {SchemaSql.Literal(common[0])}" : string.Empty;
                statements.Add($"ALTER TYPE {SqlIdentifier.Quote(wanted.Schema, wanted.Name)} ADD VALUE IF NOT EXISTS {SchemaSql.Literal(label)}{position};");
            }
        }

        if (statements.Count > 0)
        {
            add(Stage.Enums, SchemaChange.Update, SchemaObjectKind.Enum, name, "enum labels are missing", string.Join("\n", statements));
        }
    }

    private static void DiffTable(TableDefinition table, TableDefinition? existing, AddChange add)
    {
        var tableStage = table.IsHistory ? Stage.History : Stage.Tables;
        Stage StageOf(Stage stage) => table.IsHistory ? Stage.History : stage;
        var tableKind = table.IsHistory ? SchemaObjectKind.HistoryTable : SchemaObjectKind.Table;
        var tableName = table.QualifiedName;

        if (existing is null)
        {
            add(tableStage, SchemaChange.Create, tableKind, tableName, "table is missing", SchemaSql.CreateTable(table));
        }
        else
        {
            DiffStorageParameters(table, existing, tableStage, tableKind, add);
            foreach (var column in table.Columns)
            {
                DiffColumn(table, column, existing.FindColumn(column.Name), StageOf(Stage.Columns), add);
            }

            foreach (var retired in table.RetiredColumns)
            {
                if (table.FindColumn(retired) is null && existing.FindColumn(retired) is { IsNullable: false })
                {
                    add(StageOf(Stage.Columns), SchemaChange.Update, SchemaObjectKind.Column, $"{tableName}.{retired}",
                        "retired column is NOT NULL (kept with its data, no longer written)",
                        SchemaSql.AlterColumn(table, retired, "DROP NOT NULL"));
                }
            }

            DiffKeys(table, existing, StageOf(Stage.Keys), add);
        }

        foreach (var foreignKey in table.ForeignKeys)
        {
            var name = $"{tableName}.{foreignKey.Name}";
            var current = existing?.ForeignKeys.FirstOrDefault(f => f.Name == foreignKey.Name);
            if (current is null)
            {
                add(StageOf(Stage.ForeignKeys), SchemaChange.Create, SchemaObjectKind.ForeignKey, name, "foreign key is missing",
                    SchemaSql.AddForeignKey(table, foreignKey));
            }
            else if (!SameForeignKey(current, foreignKey))
            {
                add(StageOf(Stage.ForeignKeys), SchemaChange.Update, SchemaObjectKind.ForeignKey, name, "foreign key differs from the model",
                    SchemaSql.DropConstraint(table, foreignKey.Name) + "\n" + SchemaSql.AddForeignKey(table, foreignKey));
            }
        }

        foreach (var index in table.Indexes)
        {
            var name = $"{tableName}.{index.Name}";
            var current = existing?.Indexes.FirstOrDefault(i => i.Name == index.Name);
            if (current is null)
            {
                add(StageOf(Stage.Indexes), SchemaChange.Create, SchemaObjectKind.Index, name, "index is missing", SchemaSql.CreateIndex(table, index));
            }
            else if (!current.Columns.SequenceEqual(index.Columns) || current.IsUnique != index.IsUnique || current.Method != index.Method
                || !string.Equals(current.Filter, index.Filter, StringComparison.Ordinal))
            {
                add(StageOf(Stage.Indexes), SchemaChange.Update, SchemaObjectKind.Index, name,
                    $"index is ({string.Join(", ", current.Columns)}{(current.IsUnique ? ", unique" : string.Empty)}{Where(current.Filter)}), "
                    + $"model has ({string.Join(", ", index.Columns)}{(index.IsUnique ? ", unique" : string.Empty)}{Where(index.Filter)})",
                    SchemaSql.DropIndex(table, index.Name) + "\n" + SchemaSql.CreateIndex(table, index));
            }
        }
    }

    // Only the declared parameters: one a DBA set that the model does not declare is left as it is.
    private static void DiffStorageParameters(TableDefinition table, TableDefinition existing, Stage stage, SchemaObjectKind kind, AddChange add)
    {
        var drifted = table.StorageParameters
            .Select(p => (Wanted: p, Current: existing.StorageParameters.FirstOrDefault(c => c.Name == p.Name)))
            .Where(p => p.Current is null || !TableStorageParameters.SameValue(p.Current.Value, p.Wanted.Value))
            .ToList();
        if (drifted.Count > 0)
        {
            add(stage, SchemaChange.Update, kind, table.QualifiedName,
                string.Join("; ", drifted.Select(p => $"storage parameter {p.Wanted.Name} is {p.Current?.Value ?? "not set"}, model has {p.Wanted.Value}")),
                SchemaSql.SetStorageParameters(table, drifted.Select(p => p.Wanted)));
        }
    }

    private static string Where(string? filter) => filter is null ? string.Empty : " where " + filter;

    private static void DiffColumn(TableDefinition table, ColumnDefinition column, ColumnDefinition? current, Stage stage, AddChange add)
    {
        var name = $"{table.QualifiedName}.{column.Name}";
        if (current is null)
        {
            add(stage, SchemaChange.Create, SchemaObjectKind.Column, name, "column is missing",
                SchemaSql.AlterTable(table, "ADD COLUMN " + SchemaSql.ColumnDefinition(column)));
            return;
        }

        if (current.StoreType != column.StoreType)
        {
            add(stage, SchemaChange.Invalid, SchemaObjectKind.Column, name,
                $"type is {current.StoreType}, model has {column.StoreType} (deploy does not rewrite column data)",
                SchemaSql.AlterColumn(table, column.Name, $"TYPE {column.StoreType} USING {SqlIdentifier.Quote(column.Name)}::{column.StoreType}"));
        }

        if (current.IsNullable && !column.IsNullable)
        {
            add(stage, SchemaChange.Invalid, SchemaObjectKind.Column, name,
                "column is nullable, model has NOT NULL (fill or delete NULL rows first, then run the SQL)",
                SchemaSql.AlterColumn(table, column.Name, "SET NOT NULL"));
        }
        else if (!current.IsNullable && column.IsNullable)
        {
            add(stage, SchemaChange.Update, SchemaObjectKind.Column, name, "column is NOT NULL, model allows NULL",
                SchemaSql.AlterColumn(table, column.Name, "DROP NOT NULL"));
        }

        if (column.Identity is not null && current.Identity is null)
        {
            var quoted = SqlIdentifier.Quote(column.Name);
            add(stage, SchemaChange.Invalid, SchemaObjectKind.Column, name, "column is not an identity column, model has one",
                SchemaSql.AlterColumn(table, column.Name, $"ADD GENERATED {column.Identity} AS IDENTITY") + "\n"
                + $"SELECT setval(pg_get_serial_sequence({SchemaSql.Literal(SchemaSql.Table(table))}, {SchemaSql.Literal(column.Name)}), "
                + $"coalesce(max({quoted}), 0) + 1, false) FROM {SchemaSql.Table(table)};");
        }
        else if (column.Identity is null && current.Identity is not null)
        {
            add(stage, SchemaChange.Update, SchemaObjectKind.Column, name, "column is an identity column, model has none",
                SchemaSql.AlterColumn(table, column.Name, "DROP IDENTITY IF EXISTS"));
        }
        else if (column.Identity != current.Identity)
        {
            add(stage, SchemaChange.Update, SchemaObjectKind.Column, name, $"identity is GENERATED {current.Identity}, model has {column.Identity}",
                SchemaSql.AlterColumn(table, column.Name, $"SET GENERATED {column.Identity}"));
        }

        if (column.Identity is null && current.DefaultSql != column.DefaultSql)
        {
            add(stage, SchemaChange.Update, SchemaObjectKind.Column, name,
                $"default is {current.DefaultSql ?? "(none)"}, model has {column.DefaultSql ?? "(none)"}",
                SchemaSql.AlterColumn(table, column.Name, column.DefaultSql is null ? "DROP DEFAULT" : "SET DEFAULT " + column.DefaultSql));
        }
    }

    private static void DiffKeys(TableDefinition table, TableDefinition existing, Stage stage, AddChange add)
    {
        if (table.PrimaryKey is { } key)
        {
            var name = $"{table.QualifiedName}.{key.Name}";
            if (existing.PrimaryKey is null)
            {
                add(stage, SchemaChange.Create, SchemaObjectKind.PrimaryKey, name, "primary key is missing", SchemaSql.AddPrimaryKey(table, key));
            }
            else if (!existing.PrimaryKey.Columns.SequenceEqual(key.Columns))
            {
                add(stage, SchemaChange.Invalid, SchemaObjectKind.PrimaryKey, name,
                    $"primary key is ({string.Join(", ", existing.PrimaryKey.Columns)}), model has ({string.Join(", ", key.Columns)})",
                    SchemaSql.DropConstraint(table, existing.PrimaryKey.Name) + "\n" + SchemaSql.AddPrimaryKey(table, key));
            }
            else if (existing.PrimaryKey.Name != key.Name)
            {
                add(stage, SchemaChange.Update, SchemaObjectKind.PrimaryKey, name, $"primary key is named {existing.PrimaryKey.Name}",
                    SchemaSql.AlterTable(table, $"RENAME CONSTRAINT {SqlIdentifier.Quote(existing.PrimaryKey.Name)} TO {SqlIdentifier.Quote(key.Name)}"));
            }
        }

        foreach (var unique in table.UniqueConstraints)
        {
            var name = $"{table.QualifiedName}.{unique.Name}";
            var current = existing.UniqueConstraints.FirstOrDefault(u => u.Name == unique.Name);
            if (current is null)
            {
                add(stage, SchemaChange.Create, SchemaObjectKind.UniqueConstraint, name, "unique constraint is missing", SchemaSql.AddUnique(table, unique));
            }
            else if (!current.Columns.SequenceEqual(unique.Columns))
            {
                add(stage, SchemaChange.Invalid, SchemaObjectKind.UniqueConstraint, name,
                    $"unique constraint is ({string.Join(", ", current.Columns)}), model has ({string.Join(", ", unique.Columns)})",
                    SchemaSql.DropConstraint(table, unique.Name) + "\n" + SchemaSql.AddUnique(table, unique));
            }
        }

        foreach (var check in table.Checks.Where(c => existing.Checks.All(e => e.Name != c.Name)))
        {
            add(stage, SchemaChange.Create, SchemaObjectKind.CheckConstraint, $"{table.QualifiedName}.{check.Name}", "check constraint is missing",
                SchemaSql.AddCheck(table, check));
        }
    }

    private static void DiffTrigger(TriggerDefinition trigger, TriggerDefinition? current, AddChange add)
    {
        var name = trigger.QualifiedName;
        if (current is null)
        {
            add(Stage.Triggers, SchemaChange.Create, SchemaObjectKind.Trigger, name, "trigger is missing", SchemaSql.CreateTrigger(trigger));
            return;
        }

        if (current.Timing != trigger.Timing || !current.Events.SequenceEqual(trigger.Events) || current.FunctionSchema != trigger.FunctionSchema
            || current.FunctionName != trigger.FunctionName || !current.Arguments.SequenceEqual(trigger.Arguments)
            || current.ForEachStatement != trigger.ForEachStatement || current.OldTable != trigger.OldTable || current.NewTable != trigger.NewTable
            || current.When != trigger.When)
        {
            add(Stage.Triggers, SchemaChange.Update, SchemaObjectKind.Trigger, name,
                $"trigger is {SchemaSql.DescribeTrigger(current)}, model has {SchemaSql.DescribeTrigger(trigger)}",
                SchemaSql.DropTrigger(trigger) + "\n" + SchemaSql.CreateTrigger(trigger));
        }
        else if (!current.IsEnabled)
        {
            add(Stage.Triggers, SchemaChange.Update, SchemaObjectKind.Trigger, name, "trigger is disabled", SchemaSql.EnableTrigger(trigger));
        }
    }

    private static bool SameForeignKey(ForeignKeyDefinition a, ForeignKeyDefinition b) =>
        a.Columns.SequenceEqual(b.Columns) && a.PrincipalSchema == b.PrincipalSchema && a.PrincipalTable == b.PrincipalTable
        && a.PrincipalColumns.SequenceEqual(b.PrincipalColumns) && a.OnDelete == b.OnDelete;
}
