namespace DataPlatform.Framework.Schema;

/// <summary>The kind of database object a <see cref="SchemaDifference"/> is about.</summary>
public enum SchemaObjectKind
{
    /// <summary>A database schema (namespace).</summary>
    Schema,

    /// <summary>A PostgreSQL enum type.</summary>
    Enum,

    /// <summary>A trigger function.</summary>
    Function,

    /// <summary>A table of the model.</summary>
    Table,

    /// <summary>A column (of a table or a history table).</summary>
    Column,

    /// <summary>A primary key constraint.</summary>
    PrimaryKey,

    /// <summary>A unique constraint (EF alternate key).</summary>
    UniqueConstraint,

    /// <summary>A check constraint.</summary>
    CheckConstraint,

    /// <summary>A foreign key constraint.</summary>
    ForeignKey,

    /// <summary>An index (including unique indexes).</summary>
    Index,

    /// <summary>The <c>&lt;table&gt;__history</c> table of a temporal entity.</summary>
    HistoryTable,

    /// <summary>A row trigger (touch or history).</summary>
    Trigger,
}
