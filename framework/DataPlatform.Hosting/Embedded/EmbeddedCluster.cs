using System.Globalization;
using DataPlatform.Hosting.Running;
using DataPlatform.LocalPostgres;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Hosting.Embedded;

/// <summary>
/// The embedded default: a persistent local PostgreSQL cluster under <c>.dataplatform/cluster</c>, started by the run
/// (or adopted when already running) and stopped at the end when this run started it. It holds database
/// the warehouse database and, for the synthetic source, the source database of the <see cref="WarehouseHostDefinition"/>.
/// The port of the last start is reused, so the connection hint stays valid from run to run.
/// </summary>
internal sealed class EmbeddedCluster : IAsyncDisposable
{
    private const string ClusterFolder = "cluster";

    private const string HandoverFile = "cluster.stop-when-idle";

    private readonly LocalPostgresCluster _cluster;
    private readonly bool _keepRunning;
    private readonly ILogger _logger;

    private EmbeddedCluster(
        LocalPostgresCluster cluster, string homeDirectory, string warehouseDatabase, string sourceDatabase, bool keepRunning, ILogger logger)
    {
        _logger = logger;
        _cluster = cluster;
        HomeDirectory = homeDirectory;
        WarehouseDatabase = warehouseDatabase;
        SourceDatabase = sourceDatabase;
        _keepRunning = keepRunning;
    }

    public string WarehouseDatabase { get; }

    public string SourceDatabase { get; }

    /// <summary>The <c>.dataplatform</c> directory.</summary>
    public string HomeDirectory { get; }

    public int Port => _cluster.Port;

    public string ServerConnectionString => _cluster.ConnectionString;

    public string WarehouseConnectionString => Databases.WithDatabase(_cluster.ConnectionString, WarehouseDatabase);

    public string SourceConnectionString => Databases.WithDatabase(_cluster.ConnectionString, SourceDatabase);

    /// <summary>
    /// Starts (or adopts) the cluster in <paramref name="homeDirectory"/> and creates the warehouse database when missing.
    /// With <paramref name="keepRunning"/> the cluster stays up after the run (the next run adopts it); otherwise it is
    /// stopped on dispose, or by the cluster's watchdog if this process is killed.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">No PostgreSQL server binaries are installed.</exception>
    /// <exception cref="LocalPostgresException">The cluster could not be created or started.</exception>
    public static async Task<EmbeddedCluster> StartAsync(
        WarehouseHostDefinition definition, string homeDirectory, bool keepRunning, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        Directory.CreateDirectory(homeDirectory);
        RelocatedClusters.RemoveOrphaned(loggerFactory.CreateLogger<EmbeddedCluster>());
        var cluster = LocalPostgresCluster.CreatePersistent(
            ClusterDirectory(homeDirectory, loggerFactory.CreateLogger<EmbeddedCluster>()),
            new LocalPostgresClusterOptions { DisableDurability = false, StopWhenProcessExits = !keepRunning },
            loggerFactory);
        try
        {
            try
            {
                await cluster.StartAsync(ct);
            }
            catch (LocalPostgresException)
            {
                // A concurrent run may have started the same cluster between our check and pg_ctl start: adopt it.
                await cluster.StartAsync(ct);
            }

            await Databases.EnsureExistsAsync(cluster.ConnectionString, definition.EmbeddedWarehouseDatabase, ct);
            if (keepRunning)
            {
                // Asked to stay up: no run hands the stop over any more.
                File.Delete(Path.Combine(homeDirectory, HandoverFile));
            }

            return new EmbeddedCluster(
                cluster, homeDirectory, definition.EmbeddedWarehouseDatabase, definition.EmbeddedSourceDatabase, keepRunning, loggerFactory.CreateLogger<EmbeddedCluster>());
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether <paramref name="homeDirectory"/> already holds an initialized embedded cluster.</summary>
    public static bool Exists(string homeDirectory) =>
        File.Exists(Path.Combine(LocalPostgresCluster.ReachableDirectory(Path.Combine(homeDirectory, ClusterFolder)), "data", "PG_VERSION"));

    // As root the server runs as the 'postgres' user, which cannot enter e.g. /root: the cluster then lives in a reachable
    // directory derived from the home path, recorded as this home's so that it is removed once the home is deleted, and
    // <home>/cluster becomes a link to it, so reruns and users find it.
    private static string ClusterDirectory(string homeDirectory, ILogger logger)
    {
        var preferred = Path.GetFullPath(Path.Combine(homeDirectory, ClusterFolder));
        var reachable = RelocatedClusters.Claim(preferred);
        if (reachable == preferred)
        {
            return preferred;
        }

        if (!Path.Exists(preferred))
        {
            Directory.CreateSymbolicLink(preferred, reachable);
        }

        Log.EmbeddedRelocated(logger, preferred, reachable);
        return reachable;
    }

    /// <summary>The default <c>.dataplatform</c> directory: under the repository root (the directory holding <c>.git</c>) or else the current directory.</summary>
    public static string DefaultHomeDirectory()
    {
        var current = Directory.GetCurrentDirectory();
        for (var directory = new DirectoryInfo(current); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return Path.Combine(directory.FullName, ".dataplatform");
            }
        }

        return Path.Combine(current, ".dataplatform");
    }

    /// <summary>How to look at the result with psql (printed after the summary).</summary>
    public string ConnectHint(string commandName)
    {
        var runAs = Environment.UserName == "root" ? "runuser -u postgres -- " : string.Empty;
        var state = _keepRunning
            ? $"  The cluster is still running (--keep-running). Stop it with: {runAs}{_cluster.Binaries.PgCtl} stop -D {_cluster.DataDirectory}"
            : "  The run stopped the cluster. To look at the result, rerun with --keep-running (an incremental run that leaves it up), then:";
        return string.Create(CultureInfo.InvariantCulture, $"""
            Embedded warehouse: {_cluster.RootDirectory} (PostgreSQL on 127.0.0.1:{Port}, user postgres, password in {_cluster.PasswordFile})
              databases: {WarehouseDatabase} (the warehouse and its ledger, schema dataplatform), {SourceDatabase} (synthetic source)
            {state}
                PGPASSWORD="$(cat {_cluster.PasswordFile})" psql "host=127.0.0.1 port={Port} user=postgres dbname={WarehouseDatabase}" -c '\dn'
              ({commandName} status shows the last batches.)
            """);
    }

    /// <summary>
    /// Without <c>--keep-running</c>, the run that started the cluster stops it, unless another session (an overlapping run
    /// of another warehouse, a <c>status</c>) still uses it: then the stop is handed over, and the last run to finish stops it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_keepRunning)
        {
            return;
        }

        var handover = Path.Combine(HomeDirectory, HandoverFile);
        try
        {
            var others = await OtherSessionsAsync();
            if (others == 0)
            {
                if (!_cluster.StartedByThisInstance && File.Exists(handover))
                {
                    await _cluster.StopAsync(CancellationToken.None);
                }

                File.Delete(handover);
            }
            else if (_cluster.StartedByThisInstance)
            {
                await File.WriteAllTextAsync(handover, "stop the cluster when the last run using it ends\n");
                _cluster.Release();
                Log.EmbeddedHandedOver(_logger, others);
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException or LocalPostgresException)
        {
            Log.EmbeddedHandoverFailed(_logger, e, e.Message);
        }

        await _cluster.DisposeAsync();
    }

    private async Task<long> OtherSessionsAsync()
    {
        // This run's idle pooled connections (EF Core's deploy, the data sources) are not users of the cluster.
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString) { Pooling = false, Timeout = 5 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
