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

// A table storage parameter (WITH (fillfactor = 90)): lower-case name, value as pg_class.reloptions holds it.
internal sealed record StorageParameterDefinition(string Name, string Value);

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

    /// <summary>
    /// Desired: the storage parameters the model declares (deploy sets them, never resets others). Live: every parameter
    /// of pg_class.reloptions.
    /// </summary>
    public IReadOnlyList<StorageParameterDefinition> StorageParameters { get; init; } = [];

    public ColumnDefinition? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

internal sealed record EnumDefinition(string Schema, string Name, IReadOnlyList<string> Labels);

// Body is the text between the dollar quotes (pg_proc.prosrc), compared to decide whether to replace the function.
internal sealed record FunctionDefinition(string Schema, string Name, string Body, string CreateSql)
{
    /// <summary>Live only: every trigger of the database that calls the function, as <c>schema.table.trigger</c>.</summary>
    public IReadOnlyList<string> CalledBy { get; init; } = [];
}

// Timing is BEFORE, AFTER or INSTEAD OF. OldTable/NewTable are the transition tables of a statement-level AFTER trigger
// (REFERENCING ... TABLE AS); When is the condition as pg_get_triggerdef prints it.
internal sealed record TriggerDefinition(
    string Schema,
    string Table,
    string Name,
    string Timing,
    IReadOnlyList<string> Events,
    string FunctionSchema,
    string FunctionName,
    IReadOnlyList<string> Arguments,
    bool IsEnabled = true,
    bool ForEachStatement = false,
    string? OldTable = null,
    string? NewTable = null,
    string? When = null)
{
    public string QualifiedName => Schema + "." + Table + "." + Name;
}

// A trigger earlier versions deployed and the model no longer has. It is dropped only while it still calls the function
// named here, so it is the one deploy created.
internal sealed record RetiredTrigger(string Schema, string Table, string Name, string FunctionSchema, string FunctionName)
{
    public string QualifiedName => Schema + "." + Table + "." + Name;
}

// A trigger function earlier versions deployed and the model no longer has: dropped once no trigger calls it.
internal sealed record RetiredFunction(string Schema, string Name);

internal sealed record SchemaSnapshot(
    IReadOnlyList<string> Schemas,
    IReadOnlyList<EnumDefinition> Enums,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<TableDefinition> Tables,
    IReadOnlyList<TriggerDefinition> Triggers)
{
    /// <summary>Desired only: triggers earlier versions created that deploy drops.</summary>
    public IReadOnlyList<RetiredTrigger> RetiredTriggers { get; init; } = [];

    /// <summary>Desired only: functions earlier versions created that deploy drops once no trigger calls them.</summary>
    public IReadOnlyList<RetiredFunction> RetiredFunctions { get; init; } = [];
}
