using System.Diagnostics;
using System.Globalization;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Hosting.Running;

/// <summary>
/// The database of a generated source, used when <c>run</c> gets no <c>--source</c>: generated once and regenerated
/// only when the scale, the defects (dirty rate, or the demo's handful) or the seed change. The database's comment marks it as the host's own: set right after
/// creating it, and completed with the generator settings after a complete load, so a run killed during generation
/// regenerates next time. A database without that marker was not created here and is never dropped or written.
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
    /// source for these settings: the share of bad rows per defect kind <c>dirtyRate</c>, or when it is null the demo's
    /// <c>demoDefectsPerSlot</c> bad rows per defect slot. Returns the generation step, or <c>null</c> when the source was
    /// already up to date.
    /// </summary>
    public static async Task<TableResult?> EnsureAsync(
        ISyntheticSource source,
        string serverConnectionString,
        string database,
        double scale,
        double? dirtyRate,
        int demoDefectsPerSlot,
        ILoggerFactory loggerFactory,
        ILogger logger,
        CancellationToken ct)
    {
        var owned = OwnershipMarker(source);
        var defects = dirtyRate is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"dirty-rate={rate:R}")
            : string.Create(CultureInfo.InvariantCulture, $"defects={demoDefectsPerSlot} per slot");
        var marker = string.Create(CultureInfo.InvariantCulture, $"{owned} scale={scale:R}; {defects}; seed={Seed}");
        var (exists, current) = await ReadMarkerAsync(serverConnectionString, database, ct);
        if (string.Equals(current, marker, StringComparison.Ordinal))
        {
            Log.SourceUpToDate(logger, database, scale, defects);
            return null;
        }

        if (exists && current?.StartsWith(owned, StringComparison.Ordinal) != true)
        {
            throw new SyntheticSourceConflictException(
                $"Database {database} exists but was not created as the synthetic source of {source.Name}-warehouse (its comment does not carry the marker), "
                + "so it is left alone. Give the source's connection string with --source, or use another warehouse database.");
        }

        Log.GeneratingSource(logger, source.Name, scale, defects, database);
        var stopwatch = Stopwatch.StartNew();
        if (exists)
        {
            await Databases.DropIfExistsAsync(serverConnectionString, database, ct);
        }

        await Databases.EnsureExistsAsync(serverConnectionString, database, ct);
        var connectionString = Databases.ForBatchWork(Databases.WithDatabase(serverConnectionString, database));
        long rows;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await CommentAsync(dataSource, database, owned + " generating", ct);
            var options = new SyntheticSourceOptions(scale, dirtyRate ?? 0, Seed) { DefectsPerSlot = dirtyRate is null ? demoDefectsPerSlot : null };
            rows = await source.GenerateAsync(dataSource, options, loggerFactory, ct);
            await CommentAsync(dataSource, database, marker, ct);
        }

        return new TableResult("source", "(generated)", rows, rows, 0, stopwatch.Elapsed);
    }

    /// <summary>The start of the comment of every database generated here: the exact proof that the host created it.</summary>
    public static string OwnershipMarker(ISyntheticSource source) => $"{source.Name}-warehouse synthetic source v1;";

    private static async Task CommentAsync(NpgsqlDataSource dataSource, string database, string comment, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"COMMENT ON DATABASE {SqlIdentifier.Quote(database)} IS '{comment.Replace("'", "''", StringComparison.Ordinal)}'");
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(bool Exists, string? Comment)> ReadMarkerAsync(string serverConnectionString, string database, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }
}
