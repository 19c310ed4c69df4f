using System.Globalization;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>Writes the DDL the deployer runs; every identifier goes through <see cref="SqlIdentifier.Quote(string)"/>.</summary>
internal static class SchemaSql
{
    public static string Table(TableDefinition table) => SqlIdentifier.Quote(table.Schema, table.Name);

    public static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(SqlIdentifier.Quote));

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string CreateSchema(string schema) => $"CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(schema)};";

    public static string CreateEnum(EnumDefinition definition) =>
        $"CREATE TYPE {SqlIdentifier.Quote(definition.Schema, definition.Name)} AS ENUM ({string.Join(", ", definition.Labels.Select(Literal))});";

    public static string ColumnDefinition(ColumnDefinition column)
    {
        var sql = SqlIdentifier.Quote(column.Name) + " " + column.StoreType;
        if (column.Identity is not null)
        {
            sql += $" GENERATED {column.Identity} AS IDENTITY";
        }
        else if (column.DefaultSql is not null)
        {
            sql += " DEFAULT " + column.DefaultSql;
        }

        return column.IsNullable ? sql : sql + " NOT NULL";
    }

    public static string CreateTable(TableDefinition table)
    {
        var parts = table.Columns.Select(ColumnDefinition).ToList();
        if (table.PrimaryKey is { } pk)
        {
            parts.Add($"CONSTRAINT {SqlIdentifier.Quote(pk.Name)} PRIMARY KEY ({Columns(pk.Columns)})");
        }

        parts.AddRange(table.UniqueConstraints.Select(u => $"CONSTRAINT {SqlIdentifier.Quote(u.Name)} UNIQUE ({Columns(u.Columns)})"));
        parts.AddRange(table.Checks.Select(c => $"CONSTRAINT {SqlIdentifier.Quote(c.Name)} CHECK ({c.Sql})"));
        var with = table.StorageParameters.Count == 0 ? string.Empty : $" WITH ({StorageParameters(table.StorageParameters)})";
        return $"CREATE TABLE {Table(table)} (\n    {string.Join(",\n    ", parts)}\n){with};";
    }

    public static string SetStorageParameters(TableDefinition table, IEnumerable<StorageParameterDefinition> parameters) =>
        AlterTable(table, $"SET ({StorageParameters(parameters)})");

    // Names are plain lower-case identifiers (TableStorageParameters checks them); numbers and booleans go unquoted.
    private static string StorageParameters(IEnumerable<StorageParameterDefinition> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Name} = {(TableStorageParameters.IsBareLiteral(p.Value) ? p.Value : Literal(p.Value))}"));

    public static string AlterTable(TableDefinition table, string action) => $"ALTER TABLE {Table(table)} {action};";

    public static string AlterColumn(TableDefinition table, string column, string action) =>
        AlterTable(table, $"ALTER COLUMN {SqlIdentifier.Quote(column)} {action}");

    public static string AddPrimaryKey(TableDefinition table, KeyDefinition key) =>
        AlterTable(table, $"ADD CONSTRAINT {SqlIdentifier.Quote(key.Name)} PRIMARY KEY ({Columns(key.Columns)})");

    public static string AddUnique(TableDefinition table, KeyDefinition key) =>
        AlterTable(table, $"ADD CONSTRAINT {SqlIdentifier.Quote(key.Name)} UNIQUE ({Columns(key.Columns)})");

    public static string AddCheck(TableDefinition table, CheckDefinition check) =>
        AlterTable(table, $"ADD CONSTRAINT {SqlIdentifier.Quote(check.Name)} CHECK ({check.Sql})");

    public static string DropConstraint(TableDefinition table, string name) =>
        AlterTable(table, $"DROP CONSTRAINT {SqlIdentifier.Quote(name)}");

    public static string AddForeignKey(TableDefinition table, ForeignKeyDefinition fk) =>
        AlterTable(table, $"ADD CONSTRAINT {SqlIdentifier.Quote(fk.Name)} FOREIGN KEY ({Columns(fk.Columns)}) "
            + $"REFERENCES {SqlIdentifier.Quote(fk.PrincipalSchema, fk.PrincipalTable)} ({Columns(fk.PrincipalColumns)}) ON DELETE {fk.OnDelete}");

    public static string CreateIndex(TableDefinition table, IndexDefinition index)
    {
        var sql = $"CREATE {(index.IsUnique ? "UNIQUE " : string.Empty)}INDEX {SqlIdentifier.Quote(index.Name)} ON {Table(table)} "
            + $"USING {SqlIdentifier.Quote(index.Method)} ({Columns(index.Columns)})";
        return (index.Filter is null ? sql : sql + $" WHERE {index.Filter}") + ";";
    }

    public static string DropIndex(TableDefinition table, string name) => $"DROP INDEX {SqlIdentifier.Quote(table.Schema, name)};";

    public static string CreateTrigger(TriggerDefinition trigger) =>
        $"CREATE TRIGGER {SqlIdentifier.Quote(trigger.Name)} {trigger.Timing} {string.Join(" OR ", trigger.Events)} "
        + $"ON {SqlIdentifier.Quote(trigger.Schema, trigger.Table)} {TriggerLevel(trigger, SqlIdentifier.Quote)} "
        + $"EXECUTE FUNCTION {SqlIdentifier.Quote(trigger.FunctionSchema, trigger.FunctionName)}({string.Join(", ", trigger.Arguments.Select(Literal))});";

    /// <summary>The trigger in words for a difference's description, e.g. <c>AFTER UPDATE FOR EACH STATEMENT … calls s.f()</c>.</summary>
    public static string DescribeTrigger(TriggerDefinition trigger) =>
        $"{trigger.Timing} {string.Join(" OR ", trigger.Events)} {TriggerLevel(trigger, name => name)} "
        + $"calls {trigger.FunctionSchema}.{trigger.FunctionName}({string.Join(", ", trigger.Arguments.Select(Literal))})";

    public static string DropTrigger(TriggerDefinition trigger) => DropTrigger(trigger.Schema, trigger.Table, trigger.Name);

    public static string DropTrigger(string schema, string table, string name) =>
        $"DROP TRIGGER {SqlIdentifier.Quote(name)} ON {SqlIdentifier.Quote(schema, table)};";

    public static string DropFunction(string schema, string name) => $"DROP FUNCTION {SqlIdentifier.Quote(schema, name)}();";

    public static string EnableTrigger(TriggerDefinition trigger) =>
        $"ALTER TABLE {SqlIdentifier.Quote(trigger.Schema, trigger.Table)} ENABLE TRIGGER {SqlIdentifier.Quote(trigger.Name)};";

    public static string ProbeTableName(int index) => string.Create(CultureInfo.InvariantCulture, $"dp_probe_{index}");

    // REFERENCING comes before FOR EACH in CREATE TRIGGER, and WHEN after it.
    private static string TriggerLevel(TriggerDefinition trigger, Func<string, string> quote)
    {
        var referencing = (trigger.OldTable is null ? string.Empty : $" OLD TABLE AS {quote(trigger.OldTable)}")
            + (trigger.NewTable is null ? string.Empty : $" NEW TABLE AS {quote(trigger.NewTable)}");
        return (referencing.Length == 0 ? string.Empty : "REFERENCING" + referencing + " ")
            + (trigger.ForEachStatement ? "FOR EACH STATEMENT" : "FOR EACH ROW")
            + (trigger.When is null ? string.Empty : $" WHEN ({trigger.When})");
    }
}
