using System.Globalization;
using DataPlatform.Testing;
using Microsoft.Extensions.Logging;

namespace DataPlatform.LocalPostgres.Tests;

/// <summary>
/// Clusters kept in the relocation root (as root, for homes the server's account cannot reach) belong to their home: one
/// whose home was deleted is stopped and removed, the others are kept and listed. Uses a relocation root of its own.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RelocatedClustersTests : IDisposable
{
    private const UnixFileMode Reachable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Homes go under _work (mode 0700), which the service account cannot reach, so their clusters are relocated; the
    // relocation root must be reachable by it.
    private readonly string _work = Directory.CreateTempSubdirectory("dp-relocated-homes-").FullName;

    private readonly string _relocationRoot = Path.Combine(Path.GetTempPath(), "dp-relocation-root-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_cluster_whose_home_is_gone_is_stopped_and_removed_and_the_others_are_kept_and_listed()
    {
        Assert.SkipUnless(ServiceAccount.IsRoot, "Clusters are relocated only when root runs them for the service account.");
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_relocationRoot, Reachable);

        var goneHome = Directory.CreateDirectory(Path.Combine(_work, "gone", ".dataplatform")).FullName;
        var liveHome = Directory.CreateDirectory(Path.Combine(_work, "live", ".dataplatform")).FullName;
        var gone = RelocatedClusters.Claim(Path.Combine(goneHome, "cluster"), _relocationRoot);
        var live = RelocatedClusters.Claim(Path.Combine(liveHome, "cluster"), _relocationRoot);
        Assert.StartsWith(_relocationRoot + "/", gone, StringComparison.Ordinal);
        Assert.StartsWith(_relocationRoot + "/", live, StringComparison.Ordinal);

        // The gone home's cluster is still running (--keep-running, then the checkout was deleted).
        await using (var cluster = LocalPostgresCluster.CreatePersistent(gone, new LocalPostgresClusterOptions { StopWhenProcessExits = false }))
        {
            await cluster.StartAsync(ct);
            cluster.Release();
        }

        var serverPid = int.Parse(File.ReadLines(Path.Combine(gone, "data", "postmaster.pid")).First(), NumberStyles.None, CultureInfo.InvariantCulture);
        var unrecorded = Directory.CreateDirectory(Path.Combine(_relocationRoot, "placed-before-records")).FullName;
        Directory.Delete(Path.Combine(_work, "gone"), recursive: true);

        var logs = new ListLoggerProvider();
        int removed;
        using (var loggerFactory = TestOutputLoggerFactory.Create(capture: logs))
        {
            removed = RelocatedClusters.RemoveOrphaned(loggerFactory.CreateLogger("relocated"), _relocationRoot);
        }

        Assert.Equal(1, removed);
        Assert.False(LocalProcesses.IsAlive(serverPid), "the server of the removed cluster still runs");
        Assert.False(Directory.Exists(gone));
        Assert.False(File.Exists(gone + ".owner"));
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 6011 && entry.Message.Contains(serverPid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(unrecorded));

        var listed = RelocatedClusters.List(_relocationRoot);
        Assert.Equal([(live, Path.Combine(liveHome, "cluster")), (unrecorded, null)], listed.Select(c => (c.Directory, c.PreferredDirectory)).ToArray());
    }

    [Fact]
    public void An_owner_record_this_user_did_not_write_is_not_trusted()
    {
        Assert.SkipUnless(ServiceAccount.IsRoot, "Clusters are relocated only when root runs them for the service account.");
        Directory.CreateDirectory(_relocationRoot, Reachable);
        var home = Directory.CreateDirectory(Path.Combine(_work, "home", ".dataplatform")).FullName;
        var cluster = RelocatedClusters.Claim(Path.Combine(home, "cluster"), _relocationRoot);

        // Someone else's record naming a home that does not exist, and a record that is a link.
        var foreign = Directory.CreateDirectory(Path.Combine(_relocationRoot, "foreign")).FullName;
        File.WriteAllText(foreign + ".owner", "/nonexistent/.dataplatform/cluster\n");
        ProcessRunner.Run("chown", ["nobody:", foreign + ".owner"], TimeSpan.FromSeconds(10)).EnsureSuccess("chown");
        var linked = Directory.CreateDirectory(Path.Combine(_relocationRoot, "linked")).FullName;
        File.WriteAllText(Path.Combine(_work, "record"), "/nonexistent/.dataplatform/cluster\n");
        File.CreateSymbolicLink(linked + ".owner", Path.Combine(_work, "record"));

        Assert.Equal(0, RelocatedClusters.RemoveOrphaned(relocationRoot: _relocationRoot));
        Assert.True(Directory.Exists(cluster));
        Assert.True(Directory.Exists(foreign));
        Assert.True(Directory.Exists(linked));
    }

    public void Dispose()
    {
        foreach (var data in Directory.Exists(_relocationRoot) ? Directory.EnumerateDirectories(_relocationRoot).Select(d => Path.Combine(d, "data")) : [])
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                var (fileName, arguments) = LocalPostgresCluster.EmergencyStopCommand(PostgresBinaries.Locate(), data, "immediate");
                ProcessRunner.Run(fileName, arguments, TimeSpan.FromSeconds(30));
            }
        }

        ProcessRunner.Run("rm", ["-rf", _work, _relocationRoot], TimeSpan.FromSeconds(30));
    }
}
