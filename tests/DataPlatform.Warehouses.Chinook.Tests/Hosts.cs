using System.Reflection;
using Npgsql;

namespace DataPlatform.Warehouses.Chinook.Tests;

/// <summary>
/// Runs the warehouse consoles in-process through their real entry points (<c>Program.cs</c> of <c>chinook-warehouse</c> and
/// <c>pagila-warehouse</c>, referenced by this project), with the arguments a user types; returns the exit code.
/// </summary>
internal static class Hosts
{
    public static Task<int> ChinookAsync(params string[] args) => RunAsync("chinook-warehouse", args);

    public static Task<int> PagilaAsync(params string[] args) => RunAsync("pagila-warehouse", args);

    /// <summary>Every value of the first column of <paramref name="sql"/>, as text.</summary>
    public static async Task<List<string>> ListAsync(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        var values = new List<string>();
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    /// <summary>Count and a hash of <c>ctid</c>/<c>xmin</c> of every table of the given schemas: equal states mean no row was written.</summary>
    public static async Task<Dictionary<string, string>> PhysicalStateAsync(NpgsqlDataSource database, string schemas, CancellationToken ct)
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in await ListAsync(database, $"SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables WHERE table_schema IN ({schemas}) AND table_type = 'BASE TABLE'", ct))
        {
            state[table] = (await ListAsync(database, $"SELECT count(*)::text || ':' || coalesce(sum(hashtext(ctid::text || '/' || xmin::text)::bigint), 0)::text FROM {table}", ct)).Single();
        }

        return state;
    }

    private static async Task<int> RunAsync(string assembly, string[] args)
    {
        // The entry point is the compiler's synchronous Main over the async top-level statements: run it off the test's thread.
        var entryPoint = Assembly.Load(assembly).EntryPoint ?? throw new InvalidOperationException($"{assembly} has no entry point.");
        return await Task.Run(() => (int)entryPoint.Invoke(null, [args])!);
    }
}
