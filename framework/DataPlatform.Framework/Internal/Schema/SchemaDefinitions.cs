namespace DataPlatform.Framework.Internal.Schema;

// The schema the deployer works with, built from the EF model (desired) or read from pg_catalog (live).
// Store types and defaults are in PostgreSQL's canonical spelling (format_type / pg_get_expr) on both sides.

internal sealed record ColumnDefinition(string Name, string StoreType, bool IsNullable, string? DefaultSql, string? Identity);

internal sealed record KeyDefinition(string Name, IReadOnlyList<string> Columns);

internal sealed record CheckDefinition(string Name, string Sql);

internal sealed record ForeignKeyDefinition(
    string Name,
    IReadOnlyList<string> Columns,
    string PrincipalSchema,
    string PrincipalTable,
    IReadOnlyList<string> PrincipalColumns,
    string OnDelete);

internal sealed record IndexDefinition(string Name, IReadOnlyList<string> Columns, bool IsUnique, string? Filter, string Method);

internal sealed record TableDefinition(
    string Schema,
    string Name,
    IReadOnlyList<ColumnDefinition> Columns,
    KeyDefinition? PrimaryKey,
    IReadOnlyList<KeyDefinition> UniqueConstraints,
    IReadOnlyList<CheckDefinition> Checks,
    IReadOnlyList<ForeignKeyDefinition> ForeignKeys,
    IReadOnlyList<IndexDefinition> Indexes,
    bool IsHistory)
{
    public string QualifiedName => Schema + "." + Name;

    /// <summary>Columns the model no longer has but older deployments created NOT NULL: deploy relaxes them, never drops them.</summary>
    public IReadOnlyList<string> RetiredColumns { get; init; } = [];

    public ColumnDefinition? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

internal sealed record EnumDefinition(string Schema, string Name, IReadOnlyList<string> Labels);

// Body is the text between the dollar quotes (pg_proc.prosrc), compared to decide whether to replace the function.
internal sealed record FunctionDefinition(string Schema, string Name, string Body, string CreateSql);

internal sealed record TriggerDefinition(
    string Schema,
    string Table,
    string Name,
    string Timing,
    IReadOnlyList<string> Events,
    string FunctionSchema,
    string FunctionName,
    IReadOnlyList<string> Arguments,
    bool IsEnabled = true);

internal sealed record SchemaSnapshot(
    IReadOnlyList<string> Schemas,
    IReadOnlyList<EnumDefinition> Enums,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<TableDefinition> Tables,
    IReadOnlyList<TriggerDefinition> Triggers);
