using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster run from the locally installed binaries (<c>initdb</c> + <c>pg_ctl</c>), listening on
/// 127.0.0.1, private to the user that created it: the <c>postgres</c> superuser authenticates with scram-sha-256 and a
/// random password kept in <see cref="PasswordFile"/> (mode 0600), and the cluster directory holding the Unix socket is
/// mode 0700 with socket permissions 0700, so other local accounts can neither read the password nor reach the socket.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ephemeral</b> clusters (<see cref="CreateEphemeral"/>) live in a new temporary directory that is deleted on dispose;
/// <b>persistent</b> clusters (<see cref="CreatePersistent"/>) live in a given directory that is kept and reused (the data
/// directory is created only when it has no <c>PG_VERSION</c> yet, and the port of the last start is reused).
/// </para>
/// <para>
/// When the process runs as root (PostgreSQL refuses to), the directory is handed to the <c>postgres</c> user and the tools
/// run through <c>runuser -u postgres --</c>. Dispose stops the server this instance started; a server that was already
/// running when <see cref="StartAsync"/> was called is left running.
/// </para>
/// </remarks>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const int MaxSocketPathLength = 90;
    private const string PortFileName = "port";
    private const string PasswordFileName = "password";

    /// <summary>Name prefix of the directories of ephemeral clusters under the temporary directory.</summary>
    internal const string EphemeralDirectoryPrefix = "dataplatform-pg-";

    /// <summary>The watchdog's lease file in the cluster directory; it holds the owner's process id.</summary>
    internal const string LeaseFileName = "watchdog.lease";

    /// <summary>Time limit of an emergency stop (process exit, sweep of a leaked cluster).</summary>
    internal static readonly TimeSpan EmergencyStopTimeout = TimeSpan.FromSeconds(15);

    private readonly LocalPostgresClusterOptions _options;
    private readonly ILogger _logger;
    private readonly PostgresBinaries _binaries;
    private readonly object _gate = new();
    private bool _startedHere;
    private bool _disposed;
    private string? _temporarySocketDirectory;
    private string? _password;

    private LocalPostgresCluster(
        string rootDirectory, bool isEphemeral, LocalPostgresClusterOptions options, PostgresBinaries binaries, ILoggerFactory? loggerFactory)
    {
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalPostgresCluster>();
        _binaries = binaries;
        RootDirectory = Path.GetFullPath(rootDirectory);
        IsEphemeral = isEphemeral;
    }

    /// <summary>The cluster directory: holds <see cref="DataDirectory"/>, the server log and the recorded port.</summary>
    public string RootDirectory { get; }

    /// <summary>The PostgreSQL data directory (<c>PGDATA</c>): <c>&lt;RootDirectory&gt;/data</c>.</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The server log file: <c>&lt;RootDirectory&gt;/postgres.log</c>.</summary>
    public string LogFile => Path.Combine(RootDirectory, "postgres.log");

    /// <summary>
    /// The file holding the <c>postgres</c> superuser's password: <c>&lt;RootDirectory&gt;/password</c>, mode 0600. Read it to
    /// connect with other tools (e.g. <c>PGPASSWORD="$(cat …/password)" psql …</c>); never print its content.
    /// </summary>
    public string PasswordFile => Path.Combine(RootDirectory, PasswordFileName);

    /// <summary>Whether the directory is deleted on dispose.</summary>
    public bool IsEphemeral { get; }

    /// <summary>The binaries in use.</summary>
    public PostgresBinaries Binaries => _binaries;

    /// <summary>The TCP port on 127.0.0.1; 0 until <see cref="StartAsync"/> has run.</summary>
    public int Port { get; private set; }

    /// <summary>Whether this instance started the server (and so stops it on dispose, on process exit or through its watchdog).</summary>
    public bool StartedByThisInstance => _startedHere;

    /// <summary>Whether the server is running (as far as this instance knows).</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Npgsql connection string of the <c>postgres</c> superuser to the <c>postgres</c> database, with its password.</summary>
    /// <exception cref="InvalidOperationException">The cluster has not been started.</exception>
    public string ConnectionString => Port == 0
        ? throw new InvalidOperationException("The cluster has not been started; call StartAsync first.")
        : new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", Password = _password ??= ClusterPassword.Read(PasswordFile),
        }.ConnectionString;

    /// <summary>Creates (but does not initialize or start) a cluster in a new temporary directory that is deleted on dispose.</summary>
    /// <remarks>
    /// First sweeps the temporary directory of ephemeral clusters leaked by processes that died together with their watchdog:
    /// a directory whose lease names a dead owner (its server, if still running, is stopped), or one without a lease that has
    /// been idle for ten minutes with no server running. Directories of live owners, of other users and links are never
    /// touched, and a server is signalled only once verified to be the server of that directory; sweep failures are logged
    /// and ignored. Clusters kept in the relocation root for a checkout that no longer exists are removed too
    /// (<see cref="RelocatedClusters.RemoveOrphaned"/>).
    /// </remarks>
    /// <exception cref="PostgresBinariesNotFoundException">No PostgreSQL server binaries are installed.</exception>
    public static LocalPostgresCluster CreateEphemeral(LocalPostgresClusterOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        options ??= new LocalPostgresClusterOptions();
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalPostgresCluster>();
        LeakedClusterSweeper.Sweep(Path.GetTempPath(), logger);
        RelocatedClusters.RemoveOrphaned(logger);
        var directory = Directory.CreateTempSubdirectory(EphemeralDirectoryPrefix).FullName;
        var cluster = new LocalPostgresCluster(directory, isEphemeral: true, options, binaries, loggerFactory);
        cluster.StartWatchdog();
        return cluster;
    }

    /// <summary>
    /// Where a persistent cluster wanted in <paramref name="preferredDirectory"/> can live: the directory itself, unless the
    /// process runs as root and the unprivileged <c>postgres</c> user that runs the server cannot reach it (an ancestor such
    /// as <c>/root</c> is not searchable by others). Then a stable directory under <paramref name="fallbackRoot"/> (default
    /// <c>/var/lib/dataplatform/clusters</c>) derived from the preferred path is returned, so reruns find the same cluster.
    /// Use <see cref="RelocatedClusters.Claim"/> to also record the placement, so that the cluster is removed once the
    /// preferred directory's parent is deleted.
    /// </summary>
    public static string ReachableDirectory(string preferredDirectory, string? fallbackRoot = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(preferredDirectory);
        var full = Path.GetFullPath(preferredDirectory);
        if (ServiceAccount.FindUnreachableAncestor(full) is null)
        {
            return full;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..12];
        var name = new DirectoryInfo(full).Parent?.Parent?.Name is { Length: > 0 } project ? $"{project}-{hash}" : hash;
        return Path.Combine(fallbackRoot ?? RelocatedClusters.DefaultRoot, name);
    }

    /// <summary>Creates (but does not initialize or start) a cluster in <paramref name="directory"/>, which is kept on dispose.</summary>
    /// <exception cref="PostgresBinariesNotFoundException">No PostgreSQL server binaries are installed.</exception>
    public static LocalPostgresCluster CreatePersistent(
        string directory, LocalPostgresClusterOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new LocalPostgresClusterOptions();
        return new LocalPostgresCluster(directory, isEphemeral: false, options, PostgresBinaries.Locate(options.BinDirectory), loggerFactory);
    }

    /// <summary>
    /// Runs <c>initdb -U postgres --auth=scram-sha-256 --pwfile=&lt;PasswordFile&gt; -E UTF8 --locale=C</c> with a new random
    /// password unless the data directory already holds a cluster.
    /// </summary>
    /// <exception cref="LocalPostgresException">initdb failed; the message holds its output.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            LocalPostgresLog.Reusing(_logger, DataDirectory);
            return;
        }

        if (Directory.Exists(DataDirectory))
        {
            throw new LocalPostgresException(
                $"'{DataDirectory}' exists but holds no PG_VERSION, so it is not a complete PostgreSQL cluster. It is left alone; move or delete it to create a new cluster here.");
        }

        CreateRootDirectory();
        ClusterPassword.MakePrivate(RootDirectory);

        // initdb writes into a staging directory renamed into place when complete: a first start killed half-way leaves
        // only the staging directory, which the next start discards, never a data directory that looks like a cluster.
        var staging = DataDirectory + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        _password = ClusterPassword.Create(PasswordFile);
        await ServiceAccount.PrepareDirectoryAsync(RootDirectory, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (ServiceAccount.IsRoot && File.Exists(LeaseFile))
        {
            // Handing the directory over gave the lease to the service account too; the sweep of leaked clusters trusts only a
            // lease its own user wrote, so it is written again, in place, for the watchdog that is already polling it.
            ClusterWatchdog.Rewrite(LeaseFile);
        }

        LocalPostgresLog.Initializing(_logger, DataDirectory, _binaries.InitDb);
        var arguments = new List<string>
        {
            "-D", staging, "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + PasswordFile, "-E", "UTF8", "--locale=C",
        };
        if (_options.DisableDurability)
        {
            arguments.Add("--no-sync");
        }

        await RunToolAsync(_binaries.InitDb, arguments, "initdb", cancellationToken).ConfigureAwait(false);
        Directory.Move(staging, DataDirectory);
    }

    /// <summary>
    /// Starts the server with <c>pg_ctl start -w</c> on a free port (or the recorded/configured one), or adopts a server that
    /// is already running on this data directory. Calls <see cref="InitializeAsync"/> first when needed.
    /// </summary>
    /// <exception cref="LocalPostgresException">The server did not start; the message holds the pg_ctl output and the server log.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsRunning)
        {
            return;
        }

        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var recordedPort = ReadRecordedPort();
        if (await IsServerRunningAsync(cancellationToken).ConfigureAwait(false) && ReadServerPort() is { } serverPort)
        {
            // The running server says where it listens; the port file is only our note of the last start.
            Port = serverPort;
            IsRunning = true;
            LocalPostgresLog.AlreadyRunning(_logger, Port, DataDirectory);
            await SecureLegacyClusterAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = _options.Port ?? (attempt == 1 && recordedPort is not null && IsPortFree(recordedPort.Value)
                ? recordedPort.Value
                : FindFreePort());
            var socketDirectory = GetSocketDirectory(port);
            if (!string.Equals(socketDirectory, RootDirectory, StringComparison.Ordinal))
            {
                await ServiceAccount.PrepareDirectoryAsync(socketDirectory, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            }

            LocalPostgresLog.Starting(_logger, port, DataDirectory, LogFile);
            var result = await RunToolAsync(
                    _binaries.PgCtl,
                    ["start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", BuildServerOptions(port, socketDirectory)],
                    what: null,
                    cancellationToken)
                .ConfigureAwait(false);
            if (result.Succeeded)
            {
                Port = port;
                MarkStarted();
                await File.WriteAllTextAsync(
                        Path.Combine(RootDirectory, PortFileName), port.ToString(CultureInfo.InvariantCulture), CancellationToken.None)
                    .ConfigureAwait(false);
                await SecureLegacyClusterAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            var log = ReadLogTail();
            if (attempt < attempts && _options.Port is null && log.Contains("Address already in use", StringComparison.Ordinal))
            {
                LocalPostgresLog.PortTaken(_logger, port);
                continue;
            }

            throw new LocalPostgresException(
                $"PostgreSQL did not start (exit code {result.ExitCode}): {result.CommandLine}{Environment.NewLine}"
                + $"{result.StandardError}{Environment.NewLine}{result.StandardOutput}{Environment.NewLine}Server log ({LogFile}):{Environment.NewLine}{log}");
        }
    }

    /// <summary>
    /// Hands a persistent cluster's running server over to its other users: this instance no longer stops it, neither on
    /// dispose nor on process exit, and its watchdog ends. Whoever is still connected decides when to stop it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cluster is ephemeral: its directory is deleted on dispose regardless.</exception>
    public void Release()
    {
        if (IsEphemeral)
        {
            throw new InvalidOperationException("An ephemeral cluster cannot be handed over: its directory is deleted on dispose.");
        }

        lock (_gate)
        {
            _startedHere = false;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        ClusterWatchdog.Release(LeaseFile);
    }

    /// <summary>Stops the server with <c>pg_ctl stop -m fast</c> when it is running.</summary>
    /// <exception cref="LocalPostgresException">pg_ctl failed to stop the server.</exception>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!await IsServerRunningAsync(cancellationToken).ConfigureAwait(false))
        {
            MarkStopped();
            return;
        }

        LocalPostgresLog.Stopping(_logger, Port);
        await RunToolAsync(_binaries.PgCtl, ["stop", "-w", "-m", "fast", "-D", DataDirectory], "pg_ctl stop", cancellationToken)
            .ConfigureAwait(false);
        MarkStopped();
    }

    /// <summary>
    /// Stops the server this instance started and, for an ephemeral cluster, deletes its directory. Never throws:
    /// failures are logged.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_startedHere)
            {
                await StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is LocalPostgresException or IOException)
        {
            LocalPostgresLog.CleanupFailed(_logger, ex, RootDirectory);
        }

        DeleteOwnedDirectories();
    }

    /// <summary>
    /// Synchronous, best-effort emergency stop (<c>pg_ctl stop -m immediate</c> for an ephemeral cluster, <c>-m fast</c> for a
    /// persistent one) plus the directory deletion of an ephemeral cluster, for process-exit and Ctrl+C handlers where no
    /// async code can run. Does nothing when this instance did not start the server.
    /// </summary>
    public void StopImmediately()
    {
        lock (_gate)
        {
            if (!_startedHere)
            {
                return;
            }

            _startedHere = false;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        try
        {
            var (fileName, arguments) = EmergencyStopCommand(_binaries, DataDirectory, EmergencyStopMode);
            ProcessRunner.Run(fileName, arguments, EmergencyStopTimeout);
        }
        catch (LocalPostgresException ex)
        {
            LocalPostgresLog.CleanupFailed(_logger, ex, RootDirectory);
        }

        IsRunning = false;
        if (!IsEphemeral)
        {
            ClusterWatchdog.Release(LeaseFile);
        }

        DeleteOwnedDirectories();
    }

    private void MarkStarted()
    {
        lock (_gate)
        {
            _startedHere = true;
            IsRunning = true;
        }

        if (_options.StopWhenProcessExits)
        {
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }

        if (!IsEphemeral)
        {
            StartWatchdog();
        }
    }

    /// <summary>
    /// Ephemeral clusters are watched from creation to dispose (a kill during initdb still removes the directory);
    /// persistent ones only while this instance runs their server.
    /// </summary>
    private void StartWatchdog()
    {
        if (!_options.StopWhenProcessExits)
        {
            // No watchdog, but an ephemeral cluster still names its owner, so the sweep of leaked clusters leaves it alone
            // while the owner lives.
            if (IsEphemeral && !OperatingSystem.IsWindows())
            {
                File.WriteAllText(LeaseFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            }

            return;
        }

        var (fileName, arguments) = EmergencyStopCommand(_binaries, DataDirectory, EmergencyStopMode);
        ClusterWatchdog.Start(LeaseFile, DataDirectory, IsEphemeral ? RootDirectory : null, fileName, arguments);
    }

    /// <summary>
    /// The emergency stop of the server on <paramref name="dataDirectory"/>: <c>pg_ctl stop -w -m &lt;mode&gt;</c>, run as the
    /// service account when root. Used on process exit, by the watchdog and by the sweep of leaked clusters.
    /// </summary>
    internal static (string FileName, IReadOnlyList<string> Arguments) EmergencyStopCommand(
        PostgresBinaries binaries, string dataDirectory, string mode) =>
        ServiceAccount.Wrap(binaries.PgCtl, ["stop", "-w", "-m", mode, "-D", dataDirectory]);

    private void MarkStopped()
    {
        lock (_gate)
        {
            _startedHere = false;
            IsRunning = false;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (!IsEphemeral)
        {
            ClusterWatchdog.Release(LeaseFile);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopImmediately();

    private string LeaseFile => Path.Combine(RootDirectory, LeaseFileName);

    /// <summary>Ephemeral data is thrown away, so no shutdown checkpoint is needed; a kept cluster shuts down cleanly.</summary>
    private string EmergencyStopMode => IsEphemeral ? "immediate" : "fast";

    private void DeleteOwnedDirectories()
    {
        if (IsEphemeral)
        {
            ClusterWatchdog.Release(LeaseFile);
        }

        var directories = new List<string>();
        if (_temporarySocketDirectory is not null)
        {
            directories.Add(_temporarySocketDirectory);
        }

        if (IsEphemeral)
        {
            directories.Add(RootDirectory);
        }

        foreach (var directory in directories.Where(Directory.Exists))
        {
            LocalPostgresLog.Deleting(_logger, directory);
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LocalPostgresLog.CleanupFailed(_logger, ex, directory);
            }
        }
    }

    private async Task<bool> IsServerRunningAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return false;
        }

        // pg_ctl status: 0 = running, 3 = not running, 4 = no data directory.
        var result = await RunToolAsync(_binaries.PgCtl, ["status", "-D", DataDirectory], what: null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    private async Task<ProcessResult> RunToolAsync(
        string tool, IReadOnlyList<string> arguments, string? what, CancellationToken cancellationToken)
    {
        var (fileName, wrapped) = ServiceAccount.Wrap(tool, arguments);
        LocalPostgresLog.Running(_logger, ProcessRunner.FormatCommandLine(fileName, wrapped));
        var result = await ProcessRunner.RunAsync(fileName, wrapped, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        return what is null ? result : result.EnsureSuccess(what);
    }

    private string BuildServerOptions(int port, string socketDirectory)
    {
        var settings = new List<KeyValuePair<string, string>> { new("listen_addresses", "127.0.0.1"), new("unix_socket_permissions", "0700") };
        if (_options.DisableDurability)
        {
            settings.Add(new("fsync", "off"));
            settings.Add(new("synchronous_commit", "off"));
            settings.Add(new("full_page_writes", "off"));
        }

        settings.AddRange(_options.ServerSettings);
        var parts = new List<string> { "-p", port.ToString(CultureInfo.InvariantCulture), "-k", ShellQuote(socketDirectory) };
        foreach (var (name, value) in settings)
        {
            parts.Add("-c");
            parts.Add(ShellQuote(name + "=" + value));
        }

        return string.Join(' ', parts);
    }

    private string GetSocketDirectory(int port)
    {
        var socketPath = Path.Combine(RootDirectory, ".s.PGSQL." + port.ToString(CultureInfo.InvariantCulture));
        if (socketPath.Length <= MaxSocketPathLength)
        {
            return RootDirectory;
        }

        // Unix socket paths are limited to ~107 bytes; deep directories get a short temporary socket directory instead.
        _temporarySocketDirectory ??= Directory.CreateTempSubdirectory("dp-pg-sock-").FullName;
        return _temporarySocketDirectory;
    }

    /// <summary>
    /// A cluster created before clusters were private (trust authentication, no password file) gets a password, scram-only
    /// <c>pg_hba.conf</c> and a private directory on its first start by this version.
    /// </summary>
    private async Task SecureLegacyClusterAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(PasswordFile))
        {
            return;
        }

        LocalPostgresLog.Securing(_logger, DataDirectory);
        ClusterPassword.MakePrivate(RootDirectory);
        var password = ClusterPassword.Generate();
        var trusted = new Npgsql.NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", Pooling = false };
        var connection = new Npgsql.NpgsqlConnection(trusted.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var alter = new Npgsql.NpgsqlCommand($"ALTER ROLE postgres PASSWORD '{password}'", connection);
            await using (alter.ConfigureAwait(false))
            {
                await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), ClusterPassword.HbaConf, cancellationToken).ConfigureAwait(false);
            var reload = new Npgsql.NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await using (reload.ConfigureAwait(false))
            {
                await reload.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        ClusterPassword.Write(PasswordFile, password);
        _password = password;
    }

    private void CreateRootDirectory()
    {
        if (Directory.Exists(RootDirectory))
        {
            return;
        }

        // Create missing components one by one so that, when the tools run as another user, the components created here
        // are traversable (existing ones are checked, not changed).
        var missing = new Stack<string>();
        for (var current = RootDirectory; !Directory.Exists(current); current = Path.GetDirectoryName(current)!)
        {
            missing.Push(current);
        }

        while (missing.Count > 0)
        {
            var directory = missing.Pop();
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(
                    directory,
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
    }

    /// <summary>The port in <c>postmaster.pid</c> (its fourth line), written by the running server itself.</summary>
    private int? ReadServerPort()
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(DataDirectory, "postmaster.pid"));
            return lines.Length >= 4 && int.TryParse(lines[3].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private int? ReadRecordedPort()
    {
        var path = Path.Combine(RootDirectory, PortFileName);
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
    }

    private string ReadLogTail()
    {
        try
        {
            if (!File.Exists(LogFile))
            {
                return "(no server log)";
            }

            var lines = File.ReadAllLines(LogFile);
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 30)));
        }
        catch (IOException ex)
        {
            return "(server log unreadable: " + ex.Message + ")";
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
