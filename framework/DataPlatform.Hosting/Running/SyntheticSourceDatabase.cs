using System.Diagnostics;
using System.Globalization;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Hosting.Running;

/// <summary>
/// The database of a generated source, used when <c>run</c> gets no <c>--source</c>: generated once and regenerated
/// only when the scale, dirty rate or seed change. The generator settings are written into the database's comment
/// after a complete load, so a run killed during generation regenerates next time.
/// </summary>
internal static class SyntheticSourceDatabase
{
    public const int Seed = 42;

    /// <summary>
    /// The source database next to an explicit warehouse database: <c>&lt;warehouse db&gt;_&lt;pipeline&gt;_source</c>, so warehouses
    /// sharing one database (one ledger, separate schemas) never generate into, or drop, each other's source.
    /// </summary>
    public static string DatabaseNextTo(string warehouseDatabase, string pipeline)
    {
        var suffix = "_" + pipeline + "_source";
        var room = Math.Max(1, 63 - suffix.Length);
        return (warehouseDatabase.Length > room ? warehouseDatabase[..room] : warehouseDatabase) + suffix;
    }

    /// <summary>
    /// Makes sure database <paramref name="database"/> on the server of <paramref name="serverConnectionString"/> holds the
    /// source for these settings. Returns the generation step, or <c>null</c> when the source was already up to date.
    /// </summary>
    public static async Task<TableResult?> EnsureAsync(
        ISyntheticSource source, string serverConnectionString, string database, double scale, double dirtyRate, ILoggerFactory loggerFactory, ILogger logger, CancellationToken ct)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"{source.Name}-warehouse synthetic source v1; scale={scale:R}; dirty-rate={dirtyRate:R}; seed={Seed}");
        if (string.Equals(await ReadMarkerAsync(serverConnectionString, database, ct), marker, StringComparison.Ordinal))
        {
            Log.SourceUpToDate(logger, database, scale, dirtyRate);
            return null;
        }

        Log.GeneratingSource(logger, source.Name, scale, dirtyRate, database);
        var stopwatch = Stopwatch.StartNew();
        await Databases.DropIfExistsAsync(serverConnectionString, database, ct);
        await Databases.EnsureExistsAsync(serverConnectionString, database, ct);
        var connectionString = Databases.ForBatchWork(Databases.WithDatabase(serverConnectionString, database));
        long rows;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            rows = await source.GenerateAsync(dataSource, new SyntheticSourceOptions(scale, dirtyRate, Seed), loggerFactory, ct);
            await using var comment = dataSource.CreateCommand(
                $"COMMENT ON DATABASE {SqlIdentifier.Quote(database)} IS '{marker.Replace("'", "''", StringComparison.Ordinal)}'");
            await comment.ExecuteNonQueryAsync(ct);
        }

        return new TableResult("source", "(generated)", rows, rows, 0, stopwatch.Elapsed);
    }

    private static async Task<string?> ReadMarkerAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
