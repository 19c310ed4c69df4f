using System.Diagnostics;
using System.Globalization;
using DataPlatform.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.LocalPostgres.Tests;

/// <summary>
/// What the sweep of leaked clusters must never do, whatever another local user (or a stale file) puts in its way: touch
/// another user's directory, follow a link, trust a lease it did not write, or signal a process that is not the server of
/// the directory being swept. Each case plants an ephemeral-looking directory whose owner is dead, so that everything but
/// the safety checks says "sweep it".
/// </summary>
public sealed class SweepSafetyTests : IDisposable
{
    private const string Prefix = "dataplatform-pg-";

    // Reachable by every account, like the temporary directory the sweep works in, so that nothing but the sweep's own checks
    // (not the service account being unable to get here) keeps it from acting on what is planted.
    private readonly string _parent = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dp-sweep-safety-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    private readonly List<Process> _processes = [];

    [Fact]
    public void Directories_of_other_users_are_never_swept()
    {
        Assert.SkipUnless(ServiceAccount.IsRoot, "Only root can give a directory to another account.");

        // Another account's abandoned cluster, and one the service account planted with a lease of its own.
        var foreign = Plant("foreign", lease: DeadProcessId());
        Run("chown", "-R", "nobody:", foreign);
        var planted = Plant("planted-by-service-account", lease: DeadProcessId());
        Run("chown", "-R", ServiceAccount.UserName + ":", planted);

        Sweep();

        Assert.True(File.Exists(Path.Combine(foreign, "watchdog.lease")), "another user's directory was swept");
        Assert.True(File.Exists(Path.Combine(planted, "watchdog.lease")), "a directory with the service account's own lease was swept");
    }

    [Fact]
    public void A_lease_this_user_did_not_write_itself_is_not_trusted()
    {
        var otherOwner = ServiceAccount.IsRoot ? Plant("lease-of-another-account", lease: DeadProcessId()) : null;
        if (otherOwner is not null)
        {
            Run("chown", "nobody:", Path.Combine(otherOwner, "watchdog.lease"));
        }

        // A second name for the lease: whoever holds the other name can rewrite it.
        var hardLinked = Plant("hard-linked-lease", lease: DeadProcessId());
        Run("ln", Path.Combine(hardLinked, "watchdog.lease"), Path.Combine(_parent, "elsewhere.lease"));

        var linked = Plant("linked-lease", lease: null);
        var target = Path.Combine(_parent, "dead-owner.txt");
        File.WriteAllText(target, DeadProcessId().ToString(CultureInfo.InvariantCulture));
        File.CreateSymbolicLink(Path.Combine(linked, "watchdog.lease"), target);

        Sweep();

        if (otherOwner is not null)
        {
            Assert.True(Directory.Exists(otherOwner), "a lease owned by another account was trusted");
        }

        Assert.True(Directory.Exists(hardLinked), "a lease with a second name was trusted");
        Assert.True(Directory.Exists(linked), "a linked lease was followed");
    }

    [Fact]
    public async Task A_link_never_leads_the_sweep_to_another_cluster()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var victim = LocalPostgresCluster.CreateEphemeral();
        await victim.StartAsync(ct);
        var victimPid = ServerProcessId(victim);

        // The whole cluster directory is a link; the data directory is a link; postmaster.pid is a link: each leads to the
        // victim, whose server and files must survive.
        var linkedRoot = Path.Combine(_parent, Prefix + "linked-root");
        Directory.CreateSymbolicLink(linkedRoot, victim.RootDirectory);
        var linkedData = Plant("linked-data", lease: DeadProcessId(), withData: false);
        Directory.CreateSymbolicLink(Path.Combine(linkedData, "data"), victim.DataDirectory);
        var linkedPidFile = Plant("linked-pid-file", lease: DeadProcessId());
        File.CreateSymbolicLink(Path.Combine(linkedPidFile, "data", "postmaster.pid"), Path.Combine(victim.DataDirectory, "postmaster.pid"));

        Sweep();

        Assert.True(LocalProcesses.IsAlive(victimPid), "the sweep stopped another cluster's server through a link");
        Assert.Equal(1, await ScalarAsync<int>(victim.ConnectionString, "SELECT 1", ct));
        Assert.True(File.Exists(Path.Combine(victim.DataDirectory, "PG_VERSION")));
        Assert.NotNull(new DirectoryInfo(linkedRoot).LinkTarget);
        Assert.True(Directory.Exists(linkedData));
        Assert.True(Directory.Exists(linkedPidFile));
    }

    [Fact]
    public async Task A_process_named_in_postmaster_pid_is_signalled_only_when_it_is_the_server_of_that_data_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var victim = LocalPostgresCluster.CreateEphemeral();
        await victim.StartAsync(ct);
        var victimPid = ServerProcessId(victim);

        // Not a PostgreSQL server, though its command line names the data directory (and runs as the account whose
        // processes the sweep's stop may signal).
        var impostorCluster = Plant("impostor", lease: DeadProcessId());
        var impostorData = Path.Combine(impostorCluster, "data");
        var impostor = StartImpostor(impostorData);
        File.WriteAllText(Path.Combine(impostorData, "postmaster.pid"), $"{impostor}\n{impostorData}\n");

        // A real PostgreSQL server, but of another data directory, which the file names on its second line.
        var otherServerCluster = Plant("other-server", lease: DeadProcessId());
        File.WriteAllText(Path.Combine(otherServerCluster, "data", "postmaster.pid"), $"{victimPid}\n{victim.DataDirectory}\n");

        var logs = new ListLoggerProvider();
        using (var loggerFactory = TestOutputLoggerFactory.Create(capture: logs))
        {
            LeakedClusterSweeper.Sweep(_parent, loggerFactory.CreateLogger("sweep"));
        }

        Assert.True(LocalProcesses.IsAlive(impostor), "a process that only named the data directory was signalled");
        Assert.True(LocalProcesses.IsAlive(victimPid), "the server of another data directory was signalled");
        Assert.Equal(1, await ScalarAsync<int>(victim.ConnectionString, "SELECT 1", ct));
        Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Id == 6011);

        // Neither process is the directory's server, so no server of theirs runs: both directories are swept.
        Assert.False(Directory.Exists(impostorCluster));
        Assert.False(Directory.Exists(otherServerCluster));
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }

        Run("rm", "-rf", _parent);
    }

    private void Sweep() => LeakedClusterSweeper.Sweep(_parent, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    /// <summary>An ephemeral-looking cluster directory of this user: <c>data/PG_VERSION</c> and, unless null, a lease.</summary>
    private string Plant(string name, int? lease, bool withData = true)
    {
        var root = Path.Combine(_parent, Prefix + name);
        Directory.CreateDirectory(root);
        if (withData)
        {
            Directory.CreateDirectory(Path.Combine(root, "data"));
            File.WriteAllText(Path.Combine(root, "data", "PG_VERSION"), "17\n");
        }

        if (lease is { } owner)
        {
            File.WriteAllText(Path.Combine(root, "watchdog.lease"), owner.ToString(CultureInfo.InvariantCulture));
        }

        return root;
    }

    /// <summary>
    /// A long sleep whose command line is <paramref name="dataDirectory"/>, as the service account when root. It exits on
    /// SIGQUIT, SIGTERM and SIGINT even where its parent ignores them (what the stop of a leaked server would send).
    /// </summary>
    private int StartImpostor(string dataDirectory)
    {
        string[] command = ["perl", "-e", "$0 = shift; $SIG{QUIT} = $SIG{TERM} = $SIG{INT} = sub { exit 3 }; $| = 1; print \"$$\\n\"; sleep 300", dataDirectory];
        var startInfo = ServiceAccount.IsRoot
            ? new ProcessStartInfo("runuser", ["-u", ServiceAccount.UserName, "--", .. command])
            : new ProcessStartInfo(command[0], command[1..]);
        startInfo.RedirectStandardOutput = true;
        startInfo.UseShellExecute = false;
        var process = Process.Start(startInfo)!;
        _processes.Add(process);
        var pid = int.Parse(process.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        Assert.True(SpinWait.SpinUntil(() => LocalProcesses.CommandLine(pid)?.FirstOrDefault() == dataDirectory, TimeSpan.FromSeconds(5)));
        return pid;
    }

    private static int ServerProcessId(LocalPostgresCluster cluster) =>
        int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First().Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "true"]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.False(LocalProcesses.IsAlive(process.Id));
        return process.Id;
    }

    private static void Run(string fileName, params string[] arguments) =>
        ProcessRunner.Run(fileName, arguments, TimeSpan.FromSeconds(30)).EnsureSuccess(fileName);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
