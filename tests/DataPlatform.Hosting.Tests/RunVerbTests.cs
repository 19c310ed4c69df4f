using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Hosting.Tests;

public sealed class RunVerbTests(PostgresServer server)
{
    [Fact]
    public async Task Run_deploys_runs_one_batch_prints_the_summary_and_status_shows_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_run", ct);
        var definition = HostRun.Definition();

        var run = await HostRun.RunAsync(definition, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString, "--batch-id", "7");
        var json = await HostRun.RunAsync(definition, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString, "--output", "json");
        var status = await HostRun.RunAsync(definition, "status", "--warehouse", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Batch 7 succeeded", run.Output, StringComparison.Ordinal);
        Assert.Contains("country", run.Output, StringComparison.Ordinal);
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        Assert.Contains("\"batch_id\": 8", json.Output, StringComparison.Ordinal);
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("succeeded", status.Output, StringComparison.Ordinal);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch WHERE status = 'succeeded'", ct));
    }

    [Fact]
    public async Task The_run_summary_and_status_show_the_rows_left_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_unchanged", ct);
        var definition = HostRun.Definition(new TestkitLayer(unchanged: 2));

        var run = await HostRun.RunAsync(definition, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);
        var json = await HostRun.RunAsync(definition, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString, "--output", "json");
        var status = await HostRun.RunAsync(definition, "status", "--warehouse", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Matches(@"read\s+written\s+unchanged\s+quarantined", run.Output);
        Assert.Matches(@"silver\s+country\s+3\s+3\s+2\s+0\s", run.Output);
        Assert.Contains("\"rows_unchanged\": 2", json.Output, StringComparison.Ordinal);
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Matches(@"silver written\s+unchanged\s+quarantined", status.Output);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(status.Output, @"succeeded\s.*\s0\s+2\s+0\s*$", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
    }

    [Fact]
    public async Task Status_shows_the_open_quarantine_per_table_and_rule()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_status_quarantine", ct);
        var definition = HostRun.Definition();
        var run = await HostRun.RunAsync(definition, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);
        await db.ExecuteAsync(
            """
            INSERT INTO dataplatform.quarantine (batch_id, last_seen_batch_id, transform, table_name, row_key, rule, message, raw_row, resolved_batch_id)
            VALUES (1, 1, 't', 'sl__testkit.country', '1', 'blank_name', 'm', '{}', NULL),
                   (1, 1, 't', 'sl__testkit.country', '2', 'blank_name', 'm', '{}', NULL),
                   (1, 1, 't', 'sl__testkit.country', '3', 'orphan_x', 'm', '{}', 1),
                   (1, 1, 't', 'sl__other.thing', '4', 'foreign_rule', 'm', '{}', NULL)
            """,
            ct);

        var status = await HostRun.RunAsync(definition, "status", "--warehouse", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.True(status.ExitCode == ExitCodes.Ok, status.ToString());
        Assert.Contains("Open quarantine (2 rows)", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"sl__testkit\.country\s+blank_name\s+2\s+1\s+1", status.Output);
        Assert.DoesNotContain("orphan_x", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("foreign_rule", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_1()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_usage", ct);

        var noSource = await HostRun.RunAsync(HostRun.Definition(), "run", "--warehouse", db.ConnectionString);
        var badScale = await HostRun.RunAsync(HostRun.Definition(), "run", "--warehouse", db.ConnectionString, "--scale", "0");
        var unknownVerb = await HostRun.RunAsync(HostRun.Definition(), "destroy");

        Assert.True(noSource.ExitCode == ExitCodes.Error, noSource.ToString());
        Assert.Contains("--source", noSource.Error, StringComparison.Ordinal);
        Assert.True(badScale.ExitCode == ExitCodes.Error, badScale.ToString());
        Assert.True(unknownVerb.ExitCode == ExitCodes.Error, unknownVerb.ToString());
    }

    [Fact]
    public async Task Rows_rejected_beyond_the_allowed_share_exit_5()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_rejected", ct);

        var result = await HostRun.RunAsync(
            HostRun.Definition(new TestkitLayer(quarantined: 10)), "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString, "--max-rejected-rate", "0.5");

        Assert.True(result.ExitCode == ExitCodes.DataRejected, result.ToString());
        Assert.Contains("max-rejected-rate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_exits_4_while_another_session_holds_the_run_lock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_lock", ct);
        await using var holder = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", WarehouseHost.RunLockKey("testkit"));
            await take.ExecuteNonQueryAsync(ct);
        }

        var result = await HostRun.RunAsync(HostRun.Definition(), "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);

        Assert.True(result.ExitCode == ExitCodes.LockHeld, result.ToString());
    }

    [Fact]
    public async Task Cancelling_a_run_exits_130_and_marks_the_batch_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_cancel", ct);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var run = HostRun.RunAsync(
            HostRun.Definition(new TestkitLayer(started: started)), cancellation.Token, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        await cancellation.CancelAsync();
        var result = await run;

        Assert.True(result.ExitCode == ExitCodes.Cancelled, result.ToString());
        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM dataplatform.batch", ct));
    }
}
