using DataPlatform.Testing;

namespace DataPlatform.Datakits.Chinook.Tests.Support;

/// <summary>
/// The physical state of every table of the Chinook layers (bronze, silver with its history tables, gold): row count plus
/// a hash over each row's <c>ctid</c> and <c>xmin</c>. Any insert, update (even to equal values) or delete changes it.
/// </summary>
internal static class PhysicalState
{
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(TestDatabase warehouse, CancellationToken ct)
    {
        var tables = await ListAsync(
            warehouse,
            "SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables "
            + "WHERE table_schema IN ('br__chinook__public', 'sl__chinook', 'gl__chinook') AND table_type = 'BASE TABLE' ORDER BY 1",
            ct);
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            state[table] = await warehouse.ScalarAsync<string>(
                $"SELECT count(*)::text || ':' || coalesce(sum(hashtext(ctid::text || '/' || xmin::text)::bigint), 0)::text FROM {table}", ct);
        }

        return state;
    }

    /// <summary>The tables whose state differs.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => !before.TryGetValue(t, out var b) || !after.TryGetValue(t, out var a) || b != a).Order(StringComparer.Ordinal).ToList();

    public static async Task<List<string>> ListAsync(TestDatabase database, string sql, CancellationToken ct)
    {
        var values = new List<string>();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
