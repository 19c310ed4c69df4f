using System.Diagnostics;
using DataPlatform.Benchmarks.Transforms;
using Npgsql;

namespace DataPlatform.Benchmarks.Pipeline;

/// <summary>
/// What a user could do instead of the pipeline, dbt-style: copy the source tables into the warehouse (binary COPY from the
/// source database into schema <see cref="CopySchema"/>), then build silver and gold with the hand-written set-based SQL of
/// the <c>transforms</c> benchmark (<see cref="TransformsBaselineSql"/>: same rules, same joins, same foreign-key policy) into
/// copies of the silver and gold tables. Runs in the warehouse the pipeline just loaded, on the same server.
/// </summary>
internal static class PlainSqlReference
{
    public const string CopySchema = "ref_source";

    private const string Bronze = "br__pagila__public";

    public static async Task<(double Copy, double Silver, double Gold)> RunAsync(
        NpgsqlDataSource warehouse, NpgsqlDataSource source, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await ExecuteAsync(warehouse, $"DROP SCHEMA IF EXISTS {CopySchema} CASCADE; CREATE SCHEMA {CopySchema};", ct);
        await ExecuteAsync(warehouse, $"""
            DROP SCHEMA IF EXISTS {TransformsBaselineSql.Silver} CASCADE;
            DROP SCHEMA IF EXISTS {TransformsBaselineSql.Gold} CASCADE;
            {TransformsBaselineSql.CreateCopies}
            """, ct);

        var clock = Stopwatch.StartNew();
        foreach (var table in tables)
        {
            await CopyTableAsync(warehouse, source, table, ct);
        }

        var copy = clock.Elapsed.TotalSeconds;
        var silverScript = TransformsBaselineSql.SilverScript(1).Replace(Bronze + ".", CopySchema + ".", StringComparison.Ordinal);
        var silver = await TransformsBaselineSql.RunAsync(warehouse, silverScript, ct);
        var gold = await TransformsBaselineSql.RunAsync(warehouse, TransformsBaselineSql.GoldScript(), ct);
        return (copy, silver, gold);
    }

    // Enums are copied as text and domains as their base type, as bronze stores them. The copy has the source's columns plus the two bronze columns the baseline's "latest row per key" reads, as constants.
    private static async Task CopyTableAsync(NpgsqlDataSource warehouse, NpgsqlDataSource source, string table, CancellationToken ct)
    {
        var columns = new List<(string Name, string Type)>();
        await using (var command = source.CreateCommand(
            "SELECT a.attname::text, CASE t.typtype WHEN 'e' THEN 'text' WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) " +
            "ELSE format_type(a.atttypid, a.atttypmod) END " +
            "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = ('public.' || quote_ident($1))::regclass " +
            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"))
        {
            command.Parameters.AddWithValue(table);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var casts = string.Join(", ", columns.Select(c => $"\"{c.Name}\"::{c.Type}"));
        await ExecuteAsync(
            warehouse,
            $"CREATE TABLE {CopySchema}.{table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\" {c.Type}"))}, " +
            "dp_batch_id bigint NOT NULL DEFAULT 1, dp_operation text NOT NULL DEFAULT 'upsert')",
            ct);

        await using var from = await source.OpenConnectionAsync(ct);
        await using var to = await warehouse.OpenConnectionAsync(ct);
        await using var reading = await from.BeginRawBinaryCopyAsync($"COPY (SELECT {casts} FROM public.{table}) TO STDOUT (FORMAT binary)", ct);
        await using (var writing = await to.BeginRawBinaryCopyAsync($"COPY {CopySchema}.{table} ({names}) FROM STDIN (FORMAT binary)", ct))
        {
            await reading.CopyToAsync(writing, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
