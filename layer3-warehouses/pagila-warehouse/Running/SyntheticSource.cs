using System.Diagnostics;
using System.Globalization;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>
/// The generated Pagila source used when no <c>--source</c> is given: a database of its own, generated once and
/// regenerated only when the scale, dirty rate or seed change. The generator settings are written into the
/// database's comment after a complete load, so a run killed during generation regenerates next time.
/// </summary>
internal static class SyntheticSource
{
    public const int Seed = 42;
    private const string MarkerPrefix = "pagila-warehouse synthetic source v1";

    /// <summary>The source database next to an explicit warehouse database: <c>&lt;warehouse db&gt;_source</c>.</summary>
    public static string DatabaseNextTo(string warehouseDatabase) =>
        (warehouseDatabase.Length > 55 ? warehouseDatabase[..55] : warehouseDatabase) + "_source";

    /// <summary>
    /// Makes sure database <paramref name="database"/> on the server of <paramref name="serverConnectionString"/> holds the
    /// synthetic source for these settings. Returns the generation step, or <c>null</c> when the source was already up to date.
    /// </summary>
    public static async Task<StepResult?> EnsureAsync(
        string serverConnectionString, string database, double scale, double dirtyRate, ILoggerFactory loggerFactory, ILogger logger, CancellationToken ct)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"{MarkerPrefix}; scale={scale:R}; dirty-rate={dirtyRate:R}; seed={Seed}");
        if (string.Equals(await ReadMarkerAsync(serverConnectionString, database, ct), marker, StringComparison.Ordinal))
        {
            Log.SourceUpToDate(logger, database, scale, dirtyRate);
            return null;
        }

        Log.GeneratingSource(logger, scale, dirtyRate, database);
        var stopwatch = Stopwatch.StartNew();
        await Databases.DropIfExistsAsync(serverConnectionString, database, ct);
        await Databases.EnsureExistsAsync(serverConnectionString, database, ct);
        var connectionString = Databases.ForBatchWork(Databases.WithDatabase(serverConnectionString, database));

        // The schema (with its enum type) first, on a data source of its own: Npgsql learns a database's types when a data
        // source opens its first connection, so the loader's data source must be created after the enum exists.
        await using (var ddl = NpgsqlDataSource.Create(connectionString))
        {
            await PagilaSourceSchema.CreateAsync(ddl, ct);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Scale = scale, DirtyRate = dirtyRate, Seed = Seed });
        var result = await new PagilaSourceLoader(dataSource, loggerFactory).LoadAsync(generator, ct);
        await using (var comment = dataSource.CreateCommand(
            $"COMMENT ON DATABASE {Framework.Naming.SqlIdentifier.Quote(database)} IS '{marker.Replace("'", "''", StringComparison.Ordinal)}'"))
        {
            await comment.ExecuteNonQueryAsync(ct);
        }

        var rows = result.RowsLoaded.Values.Sum();
        return new StepResult(PipelineLayers.Source, $"(generated {result.RowsLoaded.Count} tables)", rows, rows, 0, stopwatch.Elapsed);
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
