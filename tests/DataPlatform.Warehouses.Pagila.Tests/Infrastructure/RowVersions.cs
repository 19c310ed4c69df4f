using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

/// <summary>
/// The physical state of every silver and gold table: row count plus a hash over each row's <c>ctid</c> and <c>xmin</c>.
/// Any insert, update (even to equal values) or delete changes it, so equal states before and after a run prove the run
/// did not touch the table.
/// </summary>
internal static class RowVersions
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(NpgsqlDataSource warehouse, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var list = warehouse.CreateCommand(
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables "
            + "WHERE table_schema IN ('sl__pagila', 'gl__pagila') AND table_type = 'BASE TABLE' ORDER BY 1"))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = warehouse.CreateCommand(
                $"SELECT count(*)::text || ':' || coalesce(sum(hashtext(ctid::text || '/' || xmin::text)::bigint), 0)::text FROM {table}");
            state[table] = (string)(await command.ExecuteScalarAsync(ct))!;
        }

        return state;
    }

    /// <summary>The tables whose state differs, or an empty list.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || b != a)
            .Order(StringComparer.Ordinal)
            .ToList();
}
