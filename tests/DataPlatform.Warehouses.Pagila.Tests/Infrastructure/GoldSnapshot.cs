using System.Text;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

/// <summary>
/// The content of every gold table as sorted text, without surrogate key values and load timestamps: facts carry the
/// natural ids of the dimension rows they join instead of their keys. Two warehouses loaded from the same source must
/// have equal snapshots.
/// </summary>
internal static class GoldSnapshot
{
    private const string Schema = "gl__pagila";

    private static readonly Dictionary<string, string> s_factJoins = new(StringComparer.Ordinal)
    {
        ["customer_key"] = "(SELECT d.customer_id::text || '@' || d.valid_from::text FROM gl__pagila.dim_customer d WHERE d.customer_key = t.customer_key)",
        ["film_key"] = "(SELECT d.film_id FROM gl__pagila.dim_film d WHERE d.film_key = t.film_key)",
        ["store_key"] = "(SELECT d.store_id FROM gl__pagila.dim_store d WHERE d.store_key = t.store_key)",
        ["staff_key"] = "(SELECT d.staff_id FROM gl__pagila.dim_staff d WHERE d.staff_key = t.staff_key)",
    };

    private static readonly HashSet<string> s_loadColumns = new(StringComparer.Ordinal)
    {
        "systime", "created_at", "updated_at", "effective_time", "dp_batch_id",
    };

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(TestDatabase warehouse, CancellationToken ct)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await warehouse.OpenConnectionAsync(ct);
        var columns = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name NOT LIKE '%\\_\\_history' ORDER BY table_name, ordinal_position",
            connection))
        {
            command.Parameters.AddWithValue("schema", Schema);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var table in columns.GroupBy(c => c.Table))
        {
            var expressions = new List<string>();
            foreach (var (_, column) in table)
            {
                if (s_loadColumns.Contains(column) || column.StartsWith("dp_", StringComparison.Ordinal) || column.EndsWith("batch_id", StringComparison.Ordinal))
                {
                    continue;
                }

                if (column.EndsWith("_key", StringComparison.Ordinal) && !column.EndsWith("date_key", StringComparison.Ordinal))
                {
                    // A dimension's own surrogate key is dropped; a reference to another dimension becomes that row's natural id.
                    var isOwnKey = string.Equals(column, table.Key.Replace("dim_", string.Empty, StringComparison.Ordinal) + "_key", StringComparison.Ordinal);
                    if (!isOwnKey && s_factJoins.TryGetValue(column, out var join))
                    {
                        expressions.Add($"{join} AS {column}");
                    }

                    continue;
                }

                expressions.Add($"t.\"{column}\"");
            }

            var sql = $"SELECT coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '') FROM (SELECT {string.Join(", ", expressions)} FROM {Schema}.\"{table.Key}\" t) r";
            await using var select = new NpgsqlCommand(sql, connection);
            snapshot[table.Key] = (string)(await select.ExecuteScalarAsync(ct))!;
        }

        return snapshot;
    }

    /// <summary>A readable first difference between two snapshots, or null when they are equal.</summary>
    public static string? FirstDifference(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        foreach (var table in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var left = expected.TryGetValue(table, out var e) ? e.Split('\n') : [];
            var right = actual.TryGetValue(table, out var a) ? a.Split('\n') : [];
            if (left.SequenceEqual(right, StringComparer.Ordinal))
            {
                continue;
            }

            var report = new StringBuilder($"{table}: {left.Length} rows expected, {right.Length} actual");
            foreach (var line in left.Except(right, StringComparer.Ordinal).Take(3))
            {
                report.Append("\n  missing: ").Append(line);
            }

            foreach (var line in right.Except(left, StringComparer.Ordinal).Take(3))
            {
                report.Append("\n  extra:   ").Append(line);
            }

            return report.ToString();
        }

        return null;
    }
}
