using DataPlatform.Testing;

namespace DataPlatform.Hosting.Tests;

public sealed class SchemaVerbTests(PostgresServer server)
{
    [Fact]
    public async Task Validate_exits_2_with_the_fixing_sql_until_deploy_then_0_and_plan_prints_or_writes_the_sql()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_schema", ct);
        var definition = HostRun.Definition();
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.sql");
        try
        {
            var validateEmpty = await HostRun.RunAsync(definition, "validate", "--warehouse", db.ConnectionString);
            var plan = await HostRun.RunAsync(definition, "plan", "--warehouse", db.ConnectionString);
            var planToFile = await HostRun.RunAsync(definition, "plan", "--warehouse", db.ConnectionString, "--output", file);
            var deploy = await HostRun.RunAsync(definition, "deploy", "--warehouse", db.ConnectionString);
            var redeploy = await HostRun.RunAsync(definition, "deploy", "--warehouse", db.ConnectionString);
            var validate = await HostRun.RunAsync(definition, "validate", "--warehouse", db.ConnectionString);

            Assert.True(validateEmpty.ExitCode == ExitCodes.SchemaDrift, validateEmpty.ToString());
            Assert.Contains("CREATE TABLE", validateEmpty.Output, StringComparison.Ordinal);
            Assert.Contains("dataplatform", validateEmpty.Output, StringComparison.Ordinal);
            Assert.Contains("sl__testkit", validateEmpty.Output, StringComparison.Ordinal);
            Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
            Assert.Contains("sl__testkit", plan.Output, StringComparison.Ordinal);
            Assert.True(planToFile.ExitCode == ExitCodes.Ok, planToFile.ToString());
            Assert.Contains("sl__testkit", await File.ReadAllTextAsync(file, ct), StringComparison.Ordinal);
            Assert.True(deploy.ExitCode == ExitCodes.Ok, deploy.ToString());
            Assert.Contains("Deployed", deploy.Output, StringComparison.Ordinal);
            Assert.True(redeploy.ExitCode == ExitCodes.Ok, redeploy.ToString());
            Assert.Contains("nothing to deploy", redeploy.Output, StringComparison.Ordinal);
            Assert.True(validate.ExitCode == ExitCodes.Ok, validate.ToString());
            Assert.Contains("info:", validate.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Drift_deploy_will_not_fix_exits_2_for_deploy_and_validate_and_leaves_the_table_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_drift", ct);
        await db.ExecuteAsync("CREATE SCHEMA sl__testkit; CREATE TABLE sl__testkit.country (id text PRIMARY KEY)", ct);
        var definition = HostRun.Definition();

        var deploy = await HostRun.RunAsync(definition, "deploy", "--warehouse", db.ConnectionString);
        var validate = await HostRun.RunAsync(definition, "validate", "--warehouse", db.ConnectionString);

        Assert.True(deploy.ExitCode == ExitCodes.SchemaDrift, deploy.ToString());
        Assert.Contains("[Invalid]", deploy.Output, StringComparison.Ordinal);
        Assert.True(validate.ExitCode == ExitCodes.SchemaDrift, validate.ToString());
        Assert.Equal("text", await db.ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'sl__testkit' AND table_name = 'country' AND column_name = 'id'", ct));
    }

    [Fact]
    public async Task An_unreachable_warehouse_exits_3_without_printing_the_password()
    {
        const string Password = "s3cret-Pa55";
        var unreachable = $"Host=127.0.0.1;Port=1;Username=someone;Password={Password};Database=dw;Timeout=3";

        foreach (var verb in new[] { "deploy", "validate", "plan", "status", "run" })
        {
            string[] source = verb == "run" ? ["--source", unreachable] : [];
            var result = await HostRun.RunAsync(HostRun.Definition(), [verb, "--warehouse", unreachable, "--log-level", "Trace", .. source]);

            Assert.True(result.ExitCode == ExitCodes.CannotConnect, verb + ": " + result);
            Assert.DoesNotContain(Password, result.Output + result.Error, StringComparison.Ordinal);
        }
    }
}
