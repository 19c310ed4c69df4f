using DataPlatform.Hosting;
using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>The command line itself: help, usage errors, exit codes, no passwords in the output.</summary>
public sealed class CliTests(PostgresServer server)
{
    [Fact]
    public async Task Help_explains_the_verbs_and_the_exit_codes()
    {
        var result = await WarehouseCli.RunAsync(["--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("run", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("status", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Exit codes", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(".dataplatform", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_help_lists_every_option_of_the_design()
    {
        var result = await WarehouseCli.RunAsync(["run", "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var option in new[] { "--source", "--warehouse", "--scale", "--dirty-rate", "--full-refresh", "--batch-id", "DATAPLATFORM_SOURCE", "DATAPLATFORM_WAREHOUSE" })
        {
            Assert.Contains(option, result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run", "--no-such-option")]
    [InlineData("run", "--scale", "-1")]
    [InlineData("run", "--dirty-rate", "2")]
    [InlineData("no-such-verb")]
    public async Task Usage_errors_exit_1(params string[] arguments)
    {
        var result = await WarehouseCli.RunAsync(arguments);

        Assert.True(result.ExitCode == 1, result.ToString());
    }

    [Fact]
    public async Task An_unreachable_warehouse_exits_3_and_never_prints_the_password()
    {
        const string Password = "s3cret-Pa55";
        var unreachable = $"Host=127.0.0.1;Port=1;Username=someone;Password={Password};Database=dw;Timeout=3";

        var fromOption = await WarehouseCli.RunAsync(["run", "--warehouse", unreachable, "--source", unreachable]);
        var fromEnvironment = await WarehouseCli.RunAsync(["status"], new Dictionary<string, string?> { ["DATAPLATFORM_WAREHOUSE"] = unreachable });

        Assert.True(fromOption.ExitCode == 3, fromOption.ToString());
        Assert.True(fromEnvironment.ExitCode == 3, fromEnvironment.ToString());
        Assert.DoesNotContain(Password, fromOption.StandardOutput + fromOption.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, fromEnvironment.StandardOutput + fromEnvironment.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_exits_4_at_once_while_another_session_holds_the_run_lock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("cli_lock", ct);
        await using var holder = await warehouse.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", WarehouseHost.RunLockKey("pagila"));
            await take.ExecuteNonQueryAsync(ct);
        }

        var started = DateTime.UtcNow;
        var result = await WarehouseCli.RunAsync(["run", "--warehouse", warehouse.ConnectionString, "--source", warehouse.ConnectionString]);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "exit 4 must come at once, not after waiting for the lock");
        Assert.Contains("lock", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name IN ('dataplatform', 'sl__pagila', 'gl__pagila')", ct));
    }

    [Fact]
    public async Task A_warehouse_whose_schema_drifted_exits_2_with_the_sql_to_review_and_nothing_changed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("cli_drift", ct);
        await warehouse.ExecuteAsync("CREATE SCHEMA sl__pagila; CREATE TABLE sl__pagila.language (language_id text PRIMARY KEY)", ct);

        var result = await WarehouseCli.RunAsync(["run", "--warehouse", warehouse.ConnectionString, "--source", warehouse.ConnectionString]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("language", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("text", await warehouse.ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'sl__pagila' AND table_name = 'language' AND column_name = 'language_id'", ct));
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch", ct));
    }

    [Fact]
    public async Task Status_of_a_warehouse_without_batches_says_so_and_exits_0()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("cli_status", ct);

        var result = await WarehouseCli.RunAsync(["status", "--warehouse", warehouse.ConnectionString]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("No batches yet", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_during_a_run_exits_130_and_marks_the_batch_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("cli_sigterm", ct);
        try
        {
            var run = WarehouseCli.Start(["run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic", "--scale", "0.1"]);
            await run.WaitForStderrAsync(line => line.Contains("of pipeline pagila started", StringComparison.Ordinal)).WaitAsync(TimeSpan.FromMinutes(3), ct);
            run.Terminate();
            var result = await run.WaitAsync();

            Assert.True(result.ExitCode == 130, result.ToString());
            Assert.Equal("failed", await warehouse.ScalarAsync<string>("SELECT status FROM dataplatform.batch ORDER BY batch_id DESC LIMIT 1", ct));
        }
        finally
        {
            await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Database = "postgres" }.ConnectionString);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{warehouse.Name}_pagila_source\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync(ct);
        }
    }
}
