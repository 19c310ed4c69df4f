using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The generic quarantine table <c>dataplatform.quarantine</c>: one open entry per (target table, row key, rule) a
/// transform rejected, with the transform, the row key (key members joined by <c>|</c>), the first failing rule, its
/// message, the first and latest batch that found it, the raw source row as <c>jsonb</c>, and once the row no longer fails
/// the rule, the batch and time it was resolved. It is part of the ledger's model (<see cref="Ledger.QuarantineEntry"/>), so
/// it is deployed and validated with the warehouse, never created during a run.
/// </summary>
internal static class QuarantineTable
{
    /// <summary>The table name (in schema <see cref="SchemaNames.Bookkeeping"/>).</summary>
    public const string Name = "quarantine";

    /// <summary>The quoted, schema-qualified table name.</summary>
    public static string QualifiedName => SqlIdentifier.Quote(SchemaNames.Bookkeeping, Name);

    /// <summary>The idempotent DDL that creates the schema, the table and its lookup index.</summary>
    public static string CreateScript => $"""
        CREATE SCHEMA IF NOT EXISTS {SqlIdentifier.Quote(SchemaNames.Bookkeeping)};
        CREATE TABLE IF NOT EXISTS {QualifiedName} (
            quarantine_id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_quarantine PRIMARY KEY,
            batch_id bigint NOT NULL,
            transform text NOT NULL,
            table_name text NOT NULL,
            row_key text NOT NULL,
            rule text NOT NULL,
            message text NOT NULL,
            raw_row jsonb NOT NULL,
            quarantined_at timestamp with time zone NOT NULL DEFAULT now(),
            last_seen_batch_id bigint NULL,
            resolved_batch_id bigint NULL,
            resolved_at timestamp with time zone NULL
        );
        ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS last_seen_batch_id bigint NULL;
        ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS resolved_batch_id bigint NULL;
        ALTER TABLE {QualifiedName} ADD COLUMN IF NOT EXISTS resolved_at timestamp with time zone NULL;
        CREATE INDEX IF NOT EXISTS ix_quarantine_table_name_row_key ON {QualifiedName} (table_name, row_key);
        CREATE INDEX IF NOT EXISTS ix_quarantine_batch_id ON {QualifiedName} (batch_id);
        """;
}
