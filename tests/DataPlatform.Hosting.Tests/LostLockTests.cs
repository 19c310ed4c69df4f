using DataPlatform.Testing;

namespace DataPlatform.Hosting.Tests;

/// <summary>A run whose lock session is dropped mid-run commits nothing more and never records its batch as succeeded.</summary>
public sealed class LostLockTests(PostgresServer server)
{
    [Theory]
    [InlineData("batch owner", "locktype = 'advisory' AND classid = 1146113095")]
    [InlineData("run lock", "locktype = 'advisory' AND objsubid = 1")]
    public async Task A_dropped_lock_session_fails_the_batch_before_its_commit(string what, string lockFilter)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_lost_lock", ct);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var definition = HostRun.Definition(new GatedLayer(started, release.Task));

        var run = HostRun.RunAsync(definition, ct, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        var terminated = await db.ScalarAsync<long>(
            $"SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND {lockFilter}",
            ct);
        release.SetResult();
        var result = await run;

        Assert.True(terminated == 1, $"{what}: {terminated} sessions terminated");
        Assert.True(result.ExitCode is ExitCodes.CannotConnect or ExitCodes.Error, $"{what}: {result}");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch WHERE status = 'succeeded'", ct));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch_table", ct));
    }
}
