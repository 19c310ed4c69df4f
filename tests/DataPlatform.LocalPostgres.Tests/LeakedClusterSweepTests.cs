using System.Diagnostics;
using System.Globalization;
using DataPlatform.LocalPostgres;
using DataPlatform.Testing;
using Microsoft.Extensions.Logging;

namespace DataPlatform.LocalPostgres.Tests;

public sealed class LeakedClusterSweepTests
{
    private const string Prefix = "dataplatform-pg-";

    [Fact]
    public async Task A_cluster_whose_owner_and_watchdog_died_is_swept_by_the_next_ephemeral_cluster()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var leaked = LocalPostgresCluster.CreateEphemeral();
        await leaked.StartAsync(ct);
        var serverProcessId = ReadProcessId(Path.Combine(leaked.DataDirectory, "postmaster.pid"));
        Assert.True(LocalProcesses.IsAlive(serverProcessId));

        // The owner and its watchdog die together (a process-group kill): end the watchdog, then name a dead owner.
        var lease = Path.Combine(leaked.RootDirectory, "watchdog.lease");
        KillWatchdog(lease);
        await File.WriteAllTextAsync(lease, DeadProcessId().ToString(CultureInfo.InvariantCulture), ct);

        // A cluster of a live owner (this process, as for another test process running in parallel), idle for an hour.
        var live = Directory.CreateTempSubdirectory(Prefix).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(live, "watchdog.lease"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);
            Directory.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-1));

            await using (LocalPostgresCluster.CreateEphemeral())
            {
                Assert.False(Directory.Exists(leaked.RootDirectory));
                Assert.True(await ExitsWithinAsync(serverProcessId, TimeSpan.FromSeconds(10), ct), $"leaked server {serverProcessId} still alive");
                Assert.True(File.Exists(Path.Combine(live, "watchdog.lease")));
            }
        }
        finally
        {
            Directory.Delete(live, recursive: true);
        }
    }

    [Fact]
    public void Only_directories_of_dead_owners_and_long_abandoned_ones_are_swept()
    {
        var parent = Directory.CreateTempSubdirectory("dp-sweep-test-").FullName;
        try
        {
            var dead = DeadProcessId().ToString(CultureInfo.InvariantCulture);
            var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            var longAgo = DateTime.UtcNow.AddHours(-1);

            var deadOwner = Make(parent, Prefix + "dead-owner", lease: dead, postmasterPid: null, lastWrite: null);

            // postmaster.pid names this test process, a recycled pid as far as that data directory is concerned: it must not be signalled.
            var recycledServerPid = Make(parent, Prefix + "recycled-pid", lease: dead, postmasterPid: self, lastWrite: null);
            var abandoned = Make(parent, Prefix + "abandoned", lease: null, postmasterPid: dead, lastWrite: longAgo);
            var liveOwner = Make(parent, Prefix + "live-owner", lease: self, postmasterPid: null, lastWrite: longAgo);
            var leaseBeingWritten = Make(parent, Prefix + "lease-being-written", lease: string.Empty, postmasterPid: null, lastWrite: longAgo);
            var leaseGarbledLongAgo = Make(parent, Prefix + "lease-garbled-long-ago", lease: string.Empty, postmasterPid: null, lastWrite: longAgo);
            File.SetLastWriteTimeUtc(Path.Combine(leaseGarbledLongAgo, "watchdog.lease"), longAgo);
            var recentlyCreated = Make(parent, Prefix + "recently-created", lease: null, postmasterPid: null, lastWrite: null);
            var otherName = Make(parent, "dataplatform-pg", lease: dead, postmasterPid: null, lastWrite: longAgo);

            var logs = new ListLoggerProvider();
            using var loggerFactory = TestOutputLoggerFactory.Create(capture: logs);
            LeakedClusterSweeper.Sweep(parent, loggerFactory.CreateLogger("sweep"));

            Assert.False(Directory.Exists(deadOwner));
            Assert.False(Directory.Exists(recycledServerPid));
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(liveOwner));
            Assert.True(Directory.Exists(leaseBeingWritten));
            Assert.False(Directory.Exists(leaseGarbledLongAgo));
            Assert.True(Directory.Exists(recentlyCreated));
            Assert.True(Directory.Exists(otherName));

            Assert.Equal(3, logs.Entries.Count(entry => entry.EventId.Id == 6009));
            Assert.Single(logs.Entries, entry => entry.EventId.Id == 6010 && entry.Message.Contains(abandoned, StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Entries, entry => entry.EventId.Id is 6011 or 6012);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task An_ephemeral_cluster_without_a_watchdog_still_names_its_owner_so_no_sweep_takes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = LocalPostgresCluster.CreateEphemeral(new LocalPostgresClusterOptions { StopWhenProcessExits = false });
        Assert.Equal(
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            await File.ReadAllTextAsync(Path.Combine(cluster.RootDirectory, "watchdog.lease"), ct));

        LeakedClusterSweeper.Sweep(Path.GetDirectoryName(cluster.RootDirectory)!, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.True(Directory.Exists(cluster.RootDirectory));
    }

    private static string Make(string parent, string name, string? lease, string? postmasterPid, DateTime? lastWrite)
    {
        var root = Path.Combine(parent, name);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        if (lease is not null)
        {
            File.WriteAllText(Path.Combine(root, "watchdog.lease"), lease);
        }

        if (postmasterPid is not null)
        {
            File.WriteAllText(Path.Combine(data, "postmaster.pid"), postmasterPid + "\n" + data + "\n");
        }

        if (lastWrite is { } time)
        {
            Directory.SetLastWriteTimeUtc(data, time);
            Directory.SetLastWriteTimeUtc(root, time);
        }

        return root;
    }

    /// <summary>The watchdog is a detached shell whose arguments include the lease file path.</summary>
    private static void KillWatchdog(string leaseFile)
    {
        var watchdogs = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0 && id != Environment.ProcessId && LocalProcesses.IsAlive(id))
            .Where(id => LocalProcesses.CommandLine(id)?.Contains(leaseFile, StringComparer.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(watchdogs);
        foreach (var id in watchdogs)
        {
            using var process = Process.GetProcessById(id);
            process.Kill();
        }

        Assert.All(watchdogs, id => Assert.True(SpinWait.SpinUntil(() => !LocalProcesses.IsAlive(id), TimeSpan.FromSeconds(5))));
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "true"]) { UseShellExecute = false })!;
        process.WaitForExit();
        var id = process.Id;
        Assert.False(LocalProcesses.IsAlive(id));
        return id;
    }

    private static int ReadProcessId(string file) =>
        int.Parse(File.ReadLines(file).First().Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    private static async Task<bool> ExitsWithinAsync(int processId, TimeSpan timeout, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        while (LocalProcesses.IsAlive(processId))
        {
            if (stopwatch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50, ct);
        }

        return true;
    }
}
