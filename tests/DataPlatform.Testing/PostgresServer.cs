using System.Collections.Concurrent;
using System.Runtime.Loader;
using DataPlatform.LocalPostgres;
using Microsoft.Extensions.Logging;
using Npgsql;
using Testcontainers.PostgreSql;

namespace DataPlatform.Testing;

/// <summary>
/// The PostgreSQL 15 server of one test assembly (<c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>), resolved in
/// this order: <c>DATAPLATFORM_TEST_PG</c>, a Testcontainers <c>postgres:15</c> container when a Docker engine answers, an
/// ephemeral local cluster from the installed binaries; otherwise the run fails with one message naming the options.
/// <c>DATAPLATFORM_TEST_PG_SOURCE</c> allows only one path, <c>DATAPLATFORM_EXPECT_PG</c> fails the run when another was
/// chosen, and <c>DATAPLATFORM_TEST_PG_REPORT</c> names a folder where the fixture writes one line saying which server it used
/// (<c>scripts/test.sh</c> prints it). Test classes take it in their constructor and create databases of their own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The container image used when Docker is available (pinned to a minor release).</summary>
    public const string PostgresImage = "postgres:15.18";

    /// <summary>Name of the template database holding the loaded Pagila dump.</summary>
    public const string PagilaTemplateName = "pagila_template";

    /// <summary>A folder where the fixture writes <c>postgres-server.&lt;test assembly&gt;.txt</c>: the line naming the server it used.</summary>
    public const string ReportVariable = "DATAPLATFORM_TEST_PG_REPORT";

    private const long PagilaLockKey = 0x5041_4749_4C41;
    private static readonly TimeSpan s_psqlTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_containerRemoveTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _pagilaGate = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _databases = new(StringComparer.Ordinal);
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private LocalPostgresCluster? _cluster;
    private PostgreSqlContainer? _container;
    private NpgsqlDataSource? _admin;
    private string? _connectionString;
    private volatile bool _pagilaReady;

    /// <summary>Creates the fixture; the server is resolved and started in <see cref="InitializeAsync"/>.</summary>
    public PostgresServer()
    {
        _loggerFactory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Debug)
            .AddProvider(new DiagnosticMessageLoggerProvider()));
        _logger = _loggerFactory.CreateLogger<PostgresServer>();
    }

    /// <summary>Superuser connection string to the maintenance database (<c>postgres</c>).</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The PostgresServer fixture is not initialized.");

    /// <summary>Where the server came from.</summary>
    public PostgresServerSource Source { get; private set; }

    /// <summary>The server's <c>server_version</c>, e.g. <c>15.18 (Debian 15.18-0+deb12u1)</c>.</summary>
    public string ServerVersion { get; private set; } = string.Empty;

    private NpgsqlDataSource Admin => _admin ?? throw new InvalidOperationException("The PostgresServer fixture is not initialized.");

    /// <summary>Resolves and, when needed, starts the server.</summary>
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var environmentValue = Environment.GetEnvironmentVariable(PostgresServerResolver.EnvironmentVariable);
        Source = PostgresServerResolver.Resolve(
            environmentValue,
            Environment.GetEnvironmentVariable(PostgresServerResolver.SourceVariable),
            DockerProbe.IsDockerAvailable,
            () => PostgresBinaries.TryLocate(out _));
        _logger.LogInformation("Test PostgreSQL server source: {Source}", Source);
        PostgresServerResolver.CheckExpectation(Environment.GetEnvironmentVariable(PostgresServerResolver.ExpectVariable), Source);
        switch (Source)
        {
            case PostgresServerSource.Environment:
                _connectionString = environmentValue!;
                break;
            case PostgresServerSource.Testcontainers:
                _connectionString = await StartContainerAsync(cancellationToken);
                break;
            case PostgresServerSource.LocalCluster:
                _connectionString = await StartLocalClusterAsync(cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown source {Source}.");
        }

        _admin = NpgsqlDataSource.Create(_connectionString);
        try
        {
            await using var command = _admin.CreateCommand("SHOW server_version");
            ServerVersion = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException ex)
        {
            throw new PostgresServerUnavailableException(
                $"The {Source} PostgreSQL server does not answer: {ex.Message}{Environment.NewLine}{PostgresServerResolver.NoServerMessage}", ex);
        }

        _logger.LogInformation("Test PostgreSQL server {Version} ready ({Source})", ServerVersion, Source);
        WriteReport();
    }

    /// <summary>Creates a fresh, empty database (UTF8, C collation) named after <paramref name="nameHint"/>; dropped when disposed.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string nameHint, CancellationToken cancellationToken)
    {
        var name = DatabaseNames.Create(nameHint);
        await ExecuteAdminAsync(
            $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", cancellationToken);
        _databases.TryAdd(name, 0);
        return new TestDatabase(this, name);
    }

    /// <summary>
    /// Creates a copy of the real Pagila database. The dump is loaded once per server into <see cref="PagilaTemplateName"/>
    /// (concurrent callers, also from other test processes sharing the server, wait for the one load), then each call runs
    /// <c>CREATE DATABASE ... TEMPLATE pagila_template</c>.
    /// </summary>
    public async Task<TestDatabase> CreatePagilaDatabaseAsync(string nameHint, CancellationToken cancellationToken)
    {
        await EnsurePagilaTemplateAsync(cancellationToken);
        var name = DatabaseNames.Create(nameHint);
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{PagilaTemplateName}\"", cancellationToken);
        _databases.TryAdd(name, 0);
        return new TestDatabase(this, name);
    }

    /// <summary>
    /// Creates a fresh database and loads the real Chinook dump into its schema <c>public</c> with <c>psql</c> (about a second),
    /// as <c>../shared/chinook/README.md</c> describes.
    /// </summary>
    public async Task<TestDatabase> CreateChinookDatabaseAsync(string nameHint, CancellationToken cancellationToken)
    {
        var database = await CreateDatabaseAsync(nameHint, cancellationToken);
        var psql = PostgresBinaries.FindPsql() ?? throw new PostgresBinariesNotFoundException(
            "psql is needed to load the Chinook dump and was not found on PATH nor next to the PostgreSQL server binaries.");
        await RunPsqlAsync(psql, database.Name, ["-f", ChinookDump.Locate()], cancellationToken, "Loading the Chinook dump with psql");
        return database;
    }

    /// <summary>Drops the databases the tests left behind (on a shared server) and stops the server started for this run.</summary>
    public async ValueTask DisposeAsync()
    {
        UnregisterStopHooks();
        try
        {
            if (Source == PostgresServerSource.Environment && _admin is not null)
            {
                foreach (var name in _databases.Keys.ToArray())
                {
                    await DropDatabaseAsync(name, CancellationToken.None);
                }
            }
        }
        finally
        {
            if (_admin is not null)
            {
                await _admin.DisposeAsync();
            }

            if (_container is not null)
            {
                await _container.DisposeAsync();
            }

            if (_cluster is not null)
            {
                await _cluster.DisposeAsync();
            }

            _pagilaGate.Dispose();
            _loggerFactory.Dispose();
        }
    }

    internal async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
        _databases.TryRemove(name, out _);
    }

    private async Task<string> StartContainerAsync(CancellationToken cancellationToken)
    {
        // With the Resource Reaper (Ryuk) off, as on engines that cannot run its image, nothing else removes the container:
        // DisposeAsync does at the end of the run, the stop hooks when the process ends first.
        _container = new PostgreSqlBuilder(PostgresImage)
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
            .Build();
        RegisterStopHooks();
        try
        {
            await _container.StartAsync(cancellationToken);
        }
        catch
        {
            UnregisterStopHooks();
            await _container.DisposeAsync();
            _container = null;
            throw;
        }

        return _container.GetConnectionString();
    }

    private void WriteReport()
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString);
        var where = Source switch
        {
            PostgresServerSource.Testcontainers => $"{PostgresImage} container {_container?.Id[..12]} on {server.Host}:{server.Port}",
            PostgresServerSource.LocalCluster => $"ephemeral cluster on {server.Host}:{server.Port}",
            _ => $"{PostgresServerResolver.EnvironmentVariable} server {server.Host}:{server.Port}",
        };
        var line = $"PostgreSQL for the tests: {PostgresServerResolver.NameOf(Source)} ({where}), server {ServerVersion}";
        TestContext.Current.SendDiagnosticMessage(line);
        var folder = Environment.GetEnvironmentVariable(ReportVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        var assembly = TestContext.Current.TestAssembly?.AssemblyName is { } name
            ? new System.Reflection.AssemblyName(name).Name
            : null;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"postgres-server.{assembly ?? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.txt"), line + Environment.NewLine);
    }

    private async Task<string> StartLocalClusterAsync(CancellationToken cancellationToken)
    {
        var options = new LocalPostgresClusterOptions
        {
            ServerSettings = new Dictionary<string, string> { ["max_connections"] = "200" },
        };
        _cluster = LocalPostgresCluster.CreateEphemeral(options, _loggerFactory);
        RegisterStopHooks();
        try
        {
            await _cluster.StartAsync(cancellationToken);
        }
        catch (LocalPostgresException ex)
        {
            await _cluster.DisposeAsync();
            _cluster = null;
            throw new PostgresServerUnavailableException(
                $"The local PostgreSQL cluster could not be started: {ex.Message}{Environment.NewLine}{PostgresServerResolver.NoServerMessage}", ex);
        }

        return _cluster.ConnectionString;
    }

    private async Task EnsurePagilaTemplateAsync(CancellationToken cancellationToken)
    {
        if (_pagilaReady)
        {
            return;
        }

        await _pagilaGate.WaitAsync(cancellationToken);
        try
        {
            if (_pagilaReady)
            {
                return;
            }

            await using var connection = await Admin.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PagilaLockKey})", cancellationToken);
            try
            {
                await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", PagilaTemplateName);
                if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    await LoadPagilaTemplateAsync(connection, cancellationToken);
                }
            }
            finally
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PagilaLockKey})", CancellationToken.None);
            }

            _pagilaReady = true;
        }
        finally
        {
            _pagilaGate.Release();
        }
    }

    private async Task LoadPagilaTemplateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var dump = PagilaDump.Locate();
        var psql = PostgresBinaries.FindPsql() ?? throw new PostgresBinariesNotFoundException(
            "psql is needed to load the Pagila dump and was not found on PATH nor next to the PostgreSQL server binaries. "
            + "Install the PostgreSQL client ('apt-get install postgresql-client').");
        var loading = "pagila_template_loading_" + DatabaseNames.RunToken;
        var started = System.Diagnostics.Stopwatch.StartNew();
        _logger.LogInformation("Loading the Pagila dump from {Directory} into {Database}", dump.Directory, PagilaTemplateName);

        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{loading}\" WITH (FORCE)", cancellationToken);
        await ExecuteAsync(
            connection,
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'postgres') THEN CREATE ROLE postgres LOGIN SUPERUSER; END IF; END $$",
            cancellationToken);
        await ExecuteAsync(
            connection,
            $"CREATE DATABASE \"{loading}\" OWNER postgres TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
            cancellationToken);
        try
        {
            await RunPsqlAsync(psql, loading, ["-f", dump.SchemaFile], cancellationToken);
            await RunPsqlAsync(psql, loading, ["-f", dump.DataFile], cancellationToken);
            await RunPsqlAsync(psql, loading, ["-c", "REFRESH MATERIALIZED VIEW rental_by_category"], cancellationToken);
            await ExecuteAsync(connection, $"ALTER DATABASE \"{loading}\" RENAME TO \"{PagilaTemplateName}\"", cancellationToken);
        }
        catch
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{loading}\" WITH (FORCE)", CancellationToken.None);
            throw;
        }

        // No connections to the template, ever: CREATE DATABASE ... TEMPLATE fails while anyone is connected to it.
        await ExecuteAsync(
            connection, $"ALTER DATABASE \"{PagilaTemplateName}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false", cancellationToken);
        _logger.LogInformation("Loaded the Pagila dump in {ElapsedMs} ms", started.ElapsedMilliseconds);
    }

    private async Task RunPsqlAsync(string psql, string database, IReadOnlyList<string> arguments, CancellationToken cancellationToken, string what = "Loading the Pagila dump with psql")
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = builder.Host,
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = builder.Password,
            ["PGDATABASE"] = database,
            ["PGCONNECT_TIMEOUT"] = "15",
        };
        var result = await ProcessRunner.RunAsync(
            psql, ["-X", "-q", "-v", "ON_ERROR_STOP=1", .. arguments], s_psqlTimeout, cancellationToken, environment);
        result.EnsureSuccess(what);
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void RegisterStopHooks()
    {
        AppDomain.CurrentDomain.ProcessExit += OnProcessEnding;
        Console.CancelKeyPress += OnProcessEnding;
        AssemblyLoadContext.Default.Unloading += OnUnloading;
    }

    private void UnregisterStopHooks()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessEnding;
        Console.CancelKeyPress -= OnProcessEnding;
        AssemblyLoadContext.Default.Unloading -= OnUnloading;
    }

    private void OnProcessEnding(object? sender, EventArgs e) => StopImmediately();

    private void OnUnloading(AssemblyLoadContext context) => StopImmediately();

    private void StopImmediately()
    {
        _cluster?.StopImmediately();
        if (_container is not null)
        {
            try
            {
                _container.DisposeAsync().AsTask().Wait(s_containerRemoveTimeout);
            }
            catch (AggregateException)
            {
                // The process is ending; the leak check of .ci/run names a container that could not be removed.
            }
        }
    }
}
