using System.Globalization;
using DataPlatform.LocalPostgres;

namespace DataPlatform.Hosting.Tests;

/// <summary>
/// As root, the embedded cluster of a home the server's account cannot reach lives in /var/lib/dataplatform/clusters:
/// <c>status</c> lists it while its home exists, and it is stopped and removed once the home is deleted.
/// </summary>
public sealed class RelocatedClusterTests : IAsyncLifetime
{
    private const string RelocationRoot = "/var/lib/dataplatform/clusters/";

    // CreateTempSubdirectory's mode 0700 keeps the server's account out, so the cluster is relocated.
    private readonly string _home;

    // Where the cluster goes, worked out while the home exists.
    private readonly string _relocated;

    public RelocatedClusterTests()
    {
        _home = Directory.CreateTempSubdirectory("dp-relocated-home-").FullName;
        _relocated = LocalPostgresCluster.ReachableDirectory(Preferred);
    }

    private string Preferred => Path.Combine(_home, "cluster");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Status_lists_the_embedded_cluster_kept_outside_its_home()
    {
        Assert.SkipUnless(Environment.UserName == "root", "Clusters are relocated only when root runs them for the service account.");

        var run = await HostRun.RunAsync(HostRun.Definition(syntheticSource: new TinySyntheticSource(), pipeline: "relocatedkit"), "run", "--data-dir", _home);
        var status = await HostRun.RunAsync(HostRun.Definition(syntheticSource: new TinySyntheticSource(), pipeline: "relocatedkit"), "status", "--data-dir", _home);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.StartsWith(RelocationRoot, _relocated, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_relocated, "data", "PG_VERSION")));
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains(_relocated, status.Output, StringComparison.Ordinal);
        Assert.Contains(Preferred, status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_embedded_cluster_kept_outside_its_home_is_stopped_and_removed_once_the_home_is_deleted()
    {
        Assert.SkipUnless(Environment.UserName == "root", "Clusters are relocated only when root runs them for the service account.");
        var definition = HostRun.Definition(syntheticSource: new TinySyntheticSource(), pipeline: "orphankit");
        var run = await HostRun.RunAsync(definition, "run", "--data-dir", _home, "--keep-running");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var relocated = _relocated;
        var serverPid = int.Parse(File.ReadLines(Path.Combine(relocated, "data", "postmaster.pid")).First(), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.True(IsAlive(serverPid));

        // The checkout goes; the next status (here of another, empty home) cleans up after it.
        Directory.Delete(_home, recursive: true);
        var status = await HostRun.RunAsync(definition, "status", "--data-dir", Path.Combine(Path.GetTempPath(), "dp-no-home-" + Guid.NewGuid().ToString("N")[..8]));

        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.False(IsAlive(serverPid), "the server of the removed cluster still runs");
        Assert.False(Directory.Exists(relocated), $"{relocated} is still there");
    }

    public async ValueTask DisposeAsync()
    {
        var relocated = _relocated;
        if (File.Exists(Path.Combine(relocated, "data", "postmaster.pid")))
        {
            await using var cluster = LocalPostgresCluster.CreatePersistent(relocated, new LocalPostgresClusterOptions { StopWhenProcessExits = false });
            await cluster.StopAsync(CancellationToken.None);
        }

        foreach (var path in new[] { _home, relocated })
        {
            await DeleteWhileServerExitsAsync(path);
        }

        File.Delete(relocated + ".owner");
    }

    // The cluster's server may still be removing files of its data directory while it is deleted here: a CI run saw the
    // recursive delete fail on a pg_dynshmem that vanished under it. An entry gone meanwhile is what the delete wants.
    private static async Task DeleteWhileServerExitsAsync(string path)
    {
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Alive and not a zombie (the state letter after the command name in /proc/&lt;pid&gt;/stat).</summary>
    private static bool IsAlive(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[stat.LastIndexOf(')') + 2] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
