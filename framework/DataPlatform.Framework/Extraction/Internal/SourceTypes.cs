using DataPlatform.Framework.Schema;
using Npgsql;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// Checks, before anything is extracted, that every source column bronze reads has the type bronze's model expects.
/// Binary COPY moves bytes without converting them, and some types share a wire format with a different meaning:
/// a <c>timestamp</c> where bronze expects <c>timestamptz</c> would load shifted instants without any error.
/// Types are compared by family: domains by their base type, enums and character types as text (they travel alike).
/// </summary>
internal static class SourceTypes
{
    private const string Family = """
        CASE WHEN t.typtype = 'e' OR coalesce(b.typname, t.typname) IN ('varchar', 'bpchar', 'name') THEN 'text'
             ELSE coalesce(b.typname, t.typname) END
        """;

    private const string SourceColumns = $"""
        SELECT c.relname, a.attname, {Family}, format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype
        WHERE n.nspname = @schema AND c.relname = ANY(@tables) AND a.attnum > 0 AND NOT a.attisdropped
        """;

    // The bronze model's store types resolved by the warehouse server (which knows its own enums and domains).
    private const string ModelTypes = $"""
        SELECT u.name, {Family}
        FROM unnest(@types) AS u(name)
        JOIN pg_type t ON t.oid = to_regtype(u.name)
        LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype
        """;

    /// <exception cref="SchemaDriftException">A source table or column is missing or has another type family than bronze expects.</exception>
    public static async Task VerifyAsync(NpgsqlDataSource source, NpgsqlDataSource warehouse, IReadOnlyList<BronzeTablePlan> plans, CancellationToken cancellationToken)
    {
        var expected = await ReadModelFamiliesAsync(warehouse, plans, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        foreach (var schema in plans.GroupBy(p => p.SourceSchema, StringComparer.Ordinal))
        {
            var actual = await ReadSourceColumnsAsync(source, schema.Key, [.. schema.Select(p => p.Table)], cancellationToken).ConfigureAwait(false);
            foreach (var plan in schema)
            {
                if (!actual.Keys.Any(k => k.Table == plan.Table))
                {
                    problems.Add($"{plan.SourceTableName} does not exist in the source");
                    continue;
                }

                for (var i = 0; i < plan.Columns.Count; i++)
                {
                    if (!actual.TryGetValue((plan.Table, plan.Columns[i]), out var column))
                    {
                        problems.Add($"{plan.SourceTableName}.{plan.Columns[i]} is missing in the source");
                    }
                    else if (expected.TryGetValue(plan.ColumnTypes[i], out var family) && !string.Equals(family, column.Family, StringComparison.Ordinal))
                    {
                        problems.Add($"{plan.SourceTableName}.{plan.Columns[i]} is {column.Type} in the source, bronze ({plan.BronzeTableName}) expects {plan.ColumnTypes[i]}");
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new SchemaDriftException(
                "The source differs from what bronze reads, so nothing was extracted: " + string.Join("; ", problems)
                + ". Fix the source, or update the datakit's source contract and deploy.");
        }
    }

    private static async Task<Dictionary<string, string>> ReadModelFamiliesAsync(
        NpgsqlDataSource warehouse, IReadOnlyList<BronzeTablePlan> plans, CancellationToken cancellationToken)
    {
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        var command = warehouse.CreateCommand(ModelTypes);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("types", plans.SelectMany(p => p.ColumnTypes).Distinct(StringComparer.Ordinal).ToArray());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    families[reader.GetString(0)] = reader.GetString(1);
                }
            }
        }

        return families;
    }

    private static async Task<Dictionary<(string Table, string Column), (string Family, string Type)>> ReadSourceColumnsAsync(
        NpgsqlDataSource source, string schema, string[] tables, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<(string, string), (string, string)>();
        var command = source.CreateCommand(SourceColumns);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("schema", schema);
            command.Parameters.AddWithValue("tables", tables);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetString(3));
                }
            }
        }

        return columns;
    }
}
