using DataPlatform.Testing;

namespace DataPlatform.DeployDatakit.Tests;

// deploy-datakit as a real process (dotnet deploy-datakit.dll ...) against the test datakit assembly.
public sealed class DeployDatakitProcessTests(PostgresServer server)
{
    [Fact]
    public async Task The_console_deploys_validates_and_reports_drift_with_exit_codes_results_on_stdout_and_logs_on_stderr()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("cli_process", ct);
        var datakit = CliRunner.TestDatakitPath;

        var deploy = await CliRunner.RunProcessAsync("deploy", "--datakit", datakit, "--connection", database.ConnectionString);
        var valid = await CliRunner.RunProcessAsync("validate", "--datakit", datakit, "--connection", database.ConnectionString);
        await database.ExecuteAsync("ALTER TABLE sl__testkit.customer DROP COLUMN score", ct);
        var drift = await CliRunner.RunProcessAsync("validate", "--datakit", datakit, "--connection", database.ConnectionString, "-l", "Warning");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Contains("applied", deploy.Output, StringComparison.Ordinal);
        Assert.Contains("Found datakit testkit Silver", deploy.Error, StringComparison.Ordinal);
        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("ADD COLUMN \"score\" integer DEFAULT 0 NOT NULL;", drift.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Found datakit", drift.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_exits_3_on_a_bad_connection_without_printing_the_password()
    {
        const string Password = "Pr0cess-Secret";
        var result = await CliRunner.RunProcessAsync(
            "validate", "--datakit", CliRunner.TestDatakitPath, "--connection", $"{server.ConnectionString};Port=1;Password={Password};Timeout=5");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);
    }
}
