using System.Text;
using DataPlatform.Framework.Naming;
using Npgsql;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>
/// Puts the model's store types and defaults into PostgreSQL's own spelling, so the differ compares like with like
/// (<c>varchar(20)</c> → <c>character varying(20)</c>, <c>timestamptz</c> → <c>timestamp with time zone</c>,
/// <c>'x'</c> → <c>'x'::text</c>, index predicate <c>"is_current"</c> → <c>is_current</c>): inside a transaction that is
/// always rolled back it creates the missing schemas and enums and one temporary table per model table with its partial
/// indexes, then reads <c>format_type</c> and <c>pg_get_expr</c> back.
/// </summary>
internal static class SchemaCanonicalizer
{
    public static async Task<SchemaSnapshot> CanonicalizeAsync(NpgsqlConnection connection, SchemaSnapshot desired, CancellationToken cancellationToken)
    {
        if (desired.Tables.Count == 0)
        {
            return desired;
        }

        var sql = new StringBuilder();
        foreach (var schema in desired.Schemas)
        {
            sql.Append("DO $dp$ BEGIN IF to_regnamespace(").Append(SchemaSql.Literal(SqlIdentifier.Quote(schema)))
                .Append(") IS NULL THEN ").Append(SchemaSql.CreateSchema(schema)).Append(" END IF; END $dp$;\n");
        }

        foreach (var definition in desired.Enums)
        {
            sql.Append("DO $dp$ BEGIN IF to_regtype(").Append(SchemaSql.Literal(SqlIdentifier.Quote(definition.Schema, definition.Name)))
                .Append(") IS NULL THEN ").Append(SchemaSql.CreateEnum(definition)).Append(" END IF; END $dp$;\n");
        }

        sql.Append("SET LOCAL search_path TO ").Append(string.Join(", ", desired.Schemas.Append("public").Select(SqlIdentifier.Quote))).Append(";\n");
        for (var i = 0; i < desired.Tables.Count; i++)
        {
            var columns = desired.Tables[i].Columns.Select(c =>
                SqlIdentifier.Quote(c.Name) + " " + c.StoreType + (c.DefaultSql is null ? string.Empty : " DEFAULT " + c.DefaultSql));
            sql.Append("CREATE TEMP TABLE ").Append(SqlIdentifier.Quote(SchemaSql.ProbeTableName(i)))
                .Append(" (").Append(string.Join(", ", columns)).Append(") ON COMMIT DROP;\n");
            var indexes = desired.Tables[i].Indexes;
            for (var k = 0; k < indexes.Count; k++)
            {
                if (indexes[k].Filter is { } filter)
                {
                    sql.Append("CREATE INDEX ").Append(SqlIdentifier.Quote(ProbeIndexName(i, k))).Append(" ON ")
                        .Append(SqlIdentifier.Quote(SchemaSql.ProbeTableName(i))).Append(" (")
                        .Append(string.Join(", ", indexes[k].Columns.Select(SqlIdentifier.Quote))).Append(") WHERE ").Append(filter).Append(";\n");
                }
            }
        }

        sql.Append("SET LOCAL search_path TO pg_catalog;\n");
        var canonical = new Dictionary<(string Table, string Column), (string Type, string? Default)>();
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var create = new NpgsqlCommand(sql.ToString(), connection, transaction);
        await using (create.ConfigureAwait(false))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        const string Read = """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid)
            FROM pg_class c
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE 'dp\_probe\_%'
            """;
        var command = new NpgsqlCommand(Read, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                canonical[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3));
            }
        }

        const string ReadPredicates = """
            SELECT i.relname, pg_get_expr(ix.indpred, ix.indrelid)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            WHERE i.relnamespace = pg_my_temp_schema() AND i.relname LIKE 'dp\_probe\_%' AND ix.indpred IS NOT NULL
            """;
        var predicates = new Dictionary<string, string>(StringComparer.Ordinal);
        var readPredicates = new NpgsqlCommand(ReadPredicates, connection, transaction);
        await using (readPredicates.ConfigureAwait(false))
        {
            var reader = await readPredicates.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                predicates[reader.GetString(0)] = reader.GetString(1);
            }
        }

        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);

        var tables = desired.Tables.Select((table, i) => table with
        {
            Columns = [.. table.Columns.Select(c => canonical.TryGetValue((SchemaSql.ProbeTableName(i), c.Name), out var found)
                ? c with { StoreType = found.Type, DefaultSql = found.Default }
                : c)],
            Indexes = [.. table.Indexes.Select((index, k) => predicates.TryGetValue(ProbeIndexName(i, k), out var predicate)
                ? index with { Filter = predicate }
                : index)],
        }).ToList();
        return desired with { Tables = tables };
    }

    private static string ProbeIndexName(int table, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{SchemaSql.ProbeTableName(table)}_ix_{index}");
}
