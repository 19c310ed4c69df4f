using Npgsql;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>
/// Reads the live schema of the given database schemas from pg_catalog: schemas, enums, trigger functions, tables with
/// columns (format_type / pg_get_expr, identity), storage parameters (reloptions), primary/unique/check/foreign key
/// constraints, indexes that do not back a constraint, and user triggers with their level, transition tables, WHEN
/// condition and enabled state. Run inside a transaction with <c>search_path = pg_catalog</c>, so type names print the
/// same way as in <see cref="SchemaCanonicalizer"/>.
/// </summary>
internal static class LiveSchemaReader
{
    private const string SchemasSql = "SELECT nspname FROM pg_namespace WHERE nspname = ANY(@schemas)";

    private const string EnumsSql = """
        SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
        FROM pg_type t
        JOIN pg_namespace n ON n.oid = t.typnamespace
        JOIN pg_enum e ON e.enumtypid = t.oid
        WHERE n.nspname = ANY(@schemas)
        GROUP BY n.nspname, t.typname
        """;

    // CalledBy looks at the whole database: a function of the bookkeeping schema serves every datakit's tables.
    private const string FunctionsSql = """
        SELECT n.nspname, p.proname, p.prosrc,
               ARRAY(SELECT tn.nspname || '.' || tc.relname || '.' || tg.tgname FROM pg_trigger tg
                     JOIN pg_class tc ON tc.oid = tg.tgrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
                     WHERE tg.tgfoid = p.oid ORDER BY 1)
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = ANY(@schemas) AND p.pronargs = 0 AND p.prorettype = 'trigger'::regtype
        """;

    private const string ColumnsSql = """
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity::text
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(@schemas)
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    private const string StorageParametersSql = """
        SELECT n.nspname, c.relname, c.reloptions
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY(@schemas) AND c.reloptions IS NOT NULL
        """;

    private const string ConstraintsSql = """
        SELECT n.nspname, c.relname, con.conname, con.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               fn.nspname, fc.relname,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
               con.confdeltype::text, pg_get_constraintdef(con.oid)
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE n.nspname = ANY(@schemas) AND con.contype IN ('p', 'u', 'f', 'c')
        ORDER BY con.conname
        """;

    private const string IndexesSql = """
        SELECT n.nspname, t.relname, i.relname, ix.indisunique, am.amname,
               ARRAY(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
                     WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord),
               pg_get_expr(ix.indpred, ix.indrelid)
        FROM pg_index ix
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = i.relam
        WHERE n.nspname = ANY(@schemas)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY i.relname
        """;

    private const string TriggersSql = """
        SELECT n.nspname, c.relname, tg.tgname, tg.tgtype::int, tg.tgenabled::text, pn.nspname, p.proname, tg.tgargs,
               tg.tgoldtable::text, tg.tgnewtable::text,
               CASE WHEN tg.tgqual IS NOT NULL
                    THEN substring(pg_get_triggerdef(tg.oid) FROM ' WHEN \((.*)\) EXECUTE (?:FUNCTION|PROCEDURE) ') END
        FROM pg_trigger tg
        JOIN pg_class c ON c.oid = tg.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_proc p ON p.oid = tg.tgfoid
        JOIN pg_namespace pn ON pn.oid = p.pronamespace
        WHERE NOT tg.tgisinternal AND n.nspname = ANY(@schemas)
        ORDER BY tg.tgname
        """;

    public static async Task<SchemaSnapshot> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<string> schemas, CancellationToken cancellationToken)
    {
        var path = new NpgsqlCommand("SET LOCAL search_path TO pg_catalog", connection, transaction);
        await using (path.ConfigureAwait(false))
        {
            await path.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var liveSchemas = new List<string>();
        await QueryAsync(SchemasSql, r => liveSchemas.Add(r.GetString(0))).ConfigureAwait(false);

        var enums = new List<EnumDefinition>();
        await QueryAsync(EnumsSql, r => enums.Add(new EnumDefinition(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2))))
            .ConfigureAwait(false);

        var functions = new List<FunctionDefinition>();
        await QueryAsync(FunctionsSql, r => functions.Add(new FunctionDefinition(r.GetString(0), r.GetString(1), r.GetString(2), string.Empty)
        {
            CalledBy = r.GetFieldValue<string[]>(3),
        })).ConfigureAwait(false);

        var tables = new Dictionary<(string Schema, string Name), LiveTable>();
        LiveTable Table(NpgsqlDataReader r) =>
            tables.TryGetValue((r.GetString(0), r.GetString(1)), out var t) ? t : tables[(r.GetString(0), r.GetString(1))] = new LiveTable();

        await QueryAsync(ColumnsSql, r => Table(r).Columns.Add(new ColumnDefinition(
            r.GetString(2),
            r.GetString(3),
            r.GetBoolean(4),
            r.IsDBNull(5) ? null : r.GetString(5),
            r.GetString(6) switch { "d" => "BY DEFAULT", "a" => "ALWAYS", _ => null }))).ConfigureAwait(false);

        await QueryAsync(StorageParametersSql, r => Table(r).StorageParameters = TableStorageParameters.FromReloptions(r.GetFieldValue<string[]>(2)))
            .ConfigureAwait(false);

        await QueryAsync(ConstraintsSql, r =>
        {
            var table = Table(r);
            var name = r.GetString(2);
            var columns = r.GetFieldValue<string[]>(4);
            switch (r.GetString(3))
            {
                case "p":
                    table.PrimaryKey = new KeyDefinition(name, columns);
                    break;
                case "u":
                    table.UniqueConstraints.Add(new KeyDefinition(name, columns));
                    break;
                case "c":
                    table.Checks.Add(new CheckDefinition(name, r.GetString(9)));
                    break;
                default:
                    table.ForeignKeys.Add(new ForeignKeyDefinition(
                        name, columns, r.GetString(5), r.GetString(6), r.GetFieldValue<string[]>(7), OnDelete(r.GetString(8))));
                    break;
            }
        }).ConfigureAwait(false);

        await QueryAsync(IndexesSql, r => Table(r).Indexes.Add(new IndexDefinition(
            r.GetString(2), r.GetFieldValue<string[]>(5), r.GetBoolean(3), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(4))))
            .ConfigureAwait(false);

        var triggers = new List<TriggerDefinition>();
        await QueryAsync(TriggersSql, r =>
        {
            var type = r.GetInt32(3);
            var timing = (type & 2) != 0 ? "BEFORE" : (type & 64) != 0 ? "INSTEAD OF" : "AFTER";
            var events = new List<string>();
            if ((type & 4) != 0)
            {
                events.Add("INSERT");
            }

            if ((type & 16) != 0)
            {
                events.Add("UPDATE");
            }

            if ((type & 8) != 0)
            {
                events.Add("DELETE");
            }

            if ((type & 32) != 0)
            {
                events.Add("TRUNCATE");
            }

            triggers.Add(new TriggerDefinition(
                r.GetString(0), r.GetString(1), r.GetString(2), timing, events, r.GetString(5), r.GetString(6),
                SplitArguments(r.GetFieldValue<byte[]>(7)), r.GetString(4) != "D",
                ForEachStatement: (type & 1) == 0,
                OldTable: r.IsDBNull(8) ? null : r.GetString(8),
                NewTable: r.IsDBNull(9) ? null : r.GetString(9),
                When: r.IsDBNull(10) ? null : r.GetString(10)));
        }).ConfigureAwait(false);

        var tableDefinitions = tables.Select(t => new TableDefinition(
            t.Key.Schema, t.Key.Name, t.Value.Columns, t.Value.PrimaryKey, t.Value.UniqueConstraints, t.Value.Checks,
            t.Value.ForeignKeys, t.Value.Indexes, IsHistory: false)
        {
            StorageParameters = t.Value.StorageParameters,
        }).ToList();
        return new SchemaSnapshot(liveSchemas, enums, functions, tableDefinitions, triggers);

        async Task QueryAsync(string sql, Action<NpgsqlDataReader> read)
        {
            var command = new NpgsqlCommand(sql, connection, transaction);
            await using var commandScope = command.ConfigureAwait(false);
            command.Parameters.AddWithValue("schemas", schemas.ToArray());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                read(reader);
            }
        }
    }

    // tgargs holds each argument followed by a NUL byte.
    private static string[] SplitArguments(byte[] arguments)
    {
        if (arguments.Length == 0)
        {
            return [];
        }

        var parts = System.Text.Encoding.UTF8.GetString(arguments).Split('\0');
        return parts[..^1];
    }

    private static string OnDelete(string code) => code switch
    {
        "c" => "CASCADE",
        "r" => "RESTRICT",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private sealed class LiveTable
    {
        public List<ColumnDefinition> Columns { get; } = [];

        public KeyDefinition? PrimaryKey { get; set; }

        public List<KeyDefinition> UniqueConstraints { get; } = [];

        public List<CheckDefinition> Checks { get; } = [];

        public List<ForeignKeyDefinition> ForeignKeys { get; } = [];

        public List<IndexDefinition> Indexes { get; } = [];

        public IReadOnlyList<StorageParameterDefinition> StorageParameters { get; set; } = [];
    }
}
