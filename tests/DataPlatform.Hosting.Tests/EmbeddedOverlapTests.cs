using DataPlatform.LocalPostgres;

namespace DataPlatform.Hosting.Tests;

/// <summary>Two warehouses' runs overlapping on the embedded cluster: the first to finish leaves it to the other, the last stops it.</summary>
public sealed class EmbeddedOverlapTests : IAsyncLifetime
{
    // Created with the default mode (not CreateTempSubdirectory's 0700), so that as root the server's account can reach it
    // and the cluster stays inside it instead of moving to the root fallback location.
    private readonly string _home = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dp-embedded-overlap-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    private string PidFile => Path.Combine(_home, "cluster", "data", "postmaster.pid");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_run_that_started_the_cluster_hands_it_over_when_it_finishes_first_and_the_last_run_stops_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (starterStarted, starterRelease) = (Signal(), Signal());
        var (adopterStarted, adopterRelease) = (Signal(), Signal());
        var starter = HostRun.Definition(new GatedLayer(starterStarted, starterRelease.Task), new TinySyntheticSource(), pipeline: "firstkit");
        var adopter = HostRun.Definition(new GatedLayer(adopterStarted, adopterRelease.Task), new TinySyntheticSource(), pipeline: "secondkit");

        var first = HostRun.RunAsync(starter, ct, "run", "--data-dir", _home);
        await starterStarted.Task.WaitAsync(TimeSpan.FromMinutes(3), ct);
        var second = HostRun.RunAsync(adopter, ct, "run", "--data-dir", _home);
        await adopterStarted.Task.WaitAsync(TimeSpan.FromMinutes(3), ct);

        starterRelease.SetResult();
        var firstResult = await first;
        var upAfterFirst = File.Exists(PidFile);
        adopterRelease.SetResult();
        var secondResult = await second;

        Assert.True(firstResult.ExitCode == ExitCodes.Ok, firstResult.ToString());
        Assert.True(upAfterFirst, "the first run stopped the cluster under the second one");
        Assert.True(secondResult.ExitCode == ExitCodes.Ok, secondResult.ToString());
        Assert.False(File.Exists(PidFile), "the last run left the cluster running");
    }

    [Fact]
    public async Task A_run_alone_stops_the_cluster_it_started()
    {
        var result = await HostRun.RunAsync(HostRun.Definition(syntheticSource: new TinySyntheticSource(), pipeline: "alonekit"), "run", "--data-dir", _home);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.True(File.Exists(Path.Combine(_home, "cluster", "data", "PG_VERSION")));
        Assert.False(File.Exists(PidFile), "the run left its cluster running");
    }

    [Fact]
    public async Task A_second_run_of_the_same_embedded_warehouse_exits_4_before_it_starts_or_adopts_the_cluster()
    {
        using (new FileStream(Path.Combine(_home, "lockkit.run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var result = await HostRun.RunAsync(HostRun.Definition(syntheticSource: new TinySyntheticSource(), pipeline: "lockkit"), "run", "--data-dir", _home);

            Assert.True(result.ExitCode == ExitCodes.LockHeld, result.ToString());
            Assert.False(Directory.Exists(Path.Combine(_home, "cluster")));
        }
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(Path.Combine(_home, "cluster", "data")))
        {
            await using var cluster = LocalPostgresCluster.CreatePersistent(Path.Combine(_home, "cluster"), new LocalPostgresClusterOptions { StopWhenProcessExits = false });
            await cluster.StopAsync(CancellationToken.None);
        }

        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // owned by the postgres user when the tests run as root; a temp directory
        }
    }
}
