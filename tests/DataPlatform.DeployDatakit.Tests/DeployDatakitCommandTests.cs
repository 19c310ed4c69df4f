using DataPlatform.Testing;

namespace DataPlatform.DeployDatakit.Tests;

// deploy / validate / plan / list through the real root command, against a real database per test.
public sealed class DeployDatakitCommandTests(PostgresServer server)
{
    private static readonly string s_datakit = CliRunner.TestDatakitPath;

    [Fact]
    public async Task Deploy_twice_reports_no_changes_the_second_time_and_validate_passes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("cli_deploy_twice", ct);

        var first = await CliRunner.RunAsync("deploy", "--datakit", s_datakit, "--connection", database.ConnectionString);
        var second = await CliRunner.RunAsync("deploy", "--datakit", s_datakit, "--connection", database.ConnectionString);
        var validate = await CliRunner.RunAsync("validate", "--datakit", s_datakit, "--connection", database.ConnectionString);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("sl__testkit (testkit silver (TestkitContext)): applied", first.Output, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"sl__testkit\".\"contract__history\"", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("sl__testkit (testkit silver (TestkitContext)): no changes", second.Output, StringComparison.Ordinal);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains("matches the model", validate.Output, StringComparison.Ordinal);
        Assert.Equal(4L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'sl__testkit' AND table_name IN ('country', 'customer', 'contract', 'raw_event')", ct));
    }

    [Theory]
    [InlineData("dropped table", "DROP TABLE sl__testkit.contract CASCADE", "CREATE TABLE \"sl__testkit\".\"contract\"", true)]
    [InlineData("dropped column", "ALTER TABLE sl__testkit.customer DROP COLUMN email", "ADD COLUMN \"email\" text", true)]
    [InlineData("changed type", "ALTER TABLE sl__testkit.country ALTER COLUMN name TYPE text",
        "ALTER COLUMN \"name\" TYPE character varying(60) USING \"name\"::character varying(60);", false)]
    [InlineData("changed nullability", "ALTER TABLE sl__testkit.customer ALTER COLUMN name DROP NOT NULL", "ALTER COLUMN \"name\" SET NOT NULL;", false)]
    [InlineData("dropped index", "DROP INDEX sl__testkit.ix_customer_name",
        "CREATE INDEX \"ix_customer_name\" ON \"sl__testkit\".\"customer\" USING \"btree\" (\"name\");", true)]
    [InlineData("dropped foreign key", "ALTER TABLE sl__testkit.customer DROP CONSTRAINT fk_customer_country_country_id",
        "ADD CONSTRAINT \"fk_customer_country_country_id\" FOREIGN KEY (\"country_id\") REFERENCES \"sl__testkit\".\"country\" (\"id\") ON DELETE RESTRICT;", true)]
    [InlineData("dropped history trigger", "DROP TRIGGER trg_contract__history_update ON sl__testkit.contract",
        "CREATE TRIGGER \"trg_contract__history_update\" AFTER UPDATE ON \"sl__testkit\".\"contract\" "
        + "REFERENCING OLD TABLE AS \"dp_old_rows\" NEW TABLE AS \"dp_new_rows\" FOR EACH STATEMENT", true)]
    [InlineData("dropped history table", "DROP TABLE sl__testkit.contract__history", "CREATE TABLE \"sl__testkit\".\"contract__history\"", true)]
    [InlineData("dropped unique key", "ALTER TABLE sl__testkit.country DROP CONSTRAINT ak_country_code",
        "ADD CONSTRAINT \"ak_country_code\" UNIQUE (\"code\");", true)]
    [InlineData("disabled touch trigger", "ALTER TABLE sl__testkit.customer DISABLE TRIGGER trg_customer__touch",
        "ENABLE TRIGGER \"trg_customer__touch\";", true)]
    public async Task Validate_after_tampering_exits_2_and_prints_the_fixing_sql(string tampering, string sql, string expectedFix, bool deployRepairs)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("cli_tamper", ct);
        var deploy = await CliRunner.RunAsync("deploy", "--datakit", s_datakit, "--connection", database.ConnectionString);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        await database.ExecuteAsync(sql, ct);

        var validate = await CliRunner.RunAsync("validate", "--datakit", s_datakit, "--connection", database.ConnectionString);
        var redeploy = await CliRunner.RunAsync("deploy", "--datakit", s_datakit, "--connection", database.ConnectionString);
        var revalidate = await CliRunner.RunAsync("validate", "--datakit", s_datakit, "--connection", database.ConnectionString);

        Assert.True(validate.ExitCode == 2, $"{tampering}: {validate}");
        Assert.Contains(expectedFix, validate.Output, StringComparison.Ordinal);
        if (deployRepairs)
        {
            Assert.True(redeploy.ExitCode == 0, $"{tampering}: {redeploy}");
            Assert.True(revalidate.ExitCode == 0, $"{tampering}: {revalidate}");
        }
        else
        {
            Assert.True(redeploy.ExitCode == 2, $"{tampering}: {redeploy}");
            Assert.Contains("deploy stopped, nothing changed", redeploy.Output, StringComparison.Ordinal);
            Assert.Contains(expectedFix, redeploy.Output, StringComparison.Ordinal);
            Assert.True(revalidate.ExitCode == 2, $"{tampering}: {revalidate}");
        }
    }

    [Fact]
    public async Task Plan_prints_the_sql_and_writes_it_to_a_file()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("cli_plan", ct);
        var file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.sql");
        try
        {
            var plan = await CliRunner.RunAsync("plan", "--datakit", s_datakit, "--connection", database.ConnectionString);
            var planToFile = await CliRunner.RunAsync("plan", "--datakit", s_datakit, "--connection", database.ConnectionString, "--output", file);

            Assert.True(plan.ExitCode == 0, plan.ToString());
            Assert.Contains("CREATE SCHEMA IF NOT EXISTS \"sl__testkit\";", plan.Output, StringComparison.Ordinal);
            Assert.Contains("CREATE TYPE \"sl__testkit\".\"risk_level\" AS ENUM ('low', 'medium', 'high');", plan.Output, StringComparison.Ordinal);
            Assert.Contains("CREATE OR REPLACE FUNCTION \"sl__testkit\".\"customer__touch\"()", plan.Output, StringComparison.Ordinal);
            Assert.True(planToFile.ExitCode == 0, planToFile.ToString());
            Assert.Equal(plan.Output, await File.ReadAllTextAsync(file, ct));
            Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'sl__testkit'", ct));

            // The plan is the deploy: running it by hand gives a database that validates.
            await database.ExecuteAsync(plan.Output, ct);
            var validate = await CliRunner.RunAsync("validate", "--datakit", s_datakit, "--connection", database.ConnectionString);
            Assert.True(validate.ExitCode == 0, validate.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task List_shows_layers_schemas_tables_and_mixins_without_a_database()
    {
        var list = await CliRunner.RunAsync("list", "--datakit", s_datakit);

        Assert.True(list.ExitCode == 0, list.ToString());
        foreach (var expected in new[] { "testkit", "silver", "sl__testkit", "country", "customer", "contract", "raw_event", "contract__history", "temporal", "bronze" })
        {
            Assert.Contains(expected, list.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Port=1;Database=postgres")]
    [InlineData("Database=no_such_database_h2")]
    public async Task A_bad_connection_exits_3_and_never_shows_the_password(string badPart)
    {
        const string Password = "Sup3r-S3cret-Pw";
        var connection = $"{server.ConnectionString};{badPart};Password={Password};Timeout=5";

        var validate = await CliRunner.RunAsync("validate", "--datakit", s_datakit, "--connection", connection, "--log-level", "Trace");

        Assert.True(validate.ExitCode == 3, validate.ToString());
        Assert.Contains("Cannot connect", validate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, validate.Output + validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_1()
    {
        var missingConnection = await CliRunner.RunAsync("validate", "--datakit", s_datakit, "--connection", " ");
        var missingFile = await CliRunner.RunAsync("list", "--datakit", "/nonexistent/datakit.dll");
        var notADatakit = await CliRunner.RunAsync("list", "--datakit", typeof(CliRunner).Assembly.Location);
        var unknownVerb = await CliRunner.RunAsync("destroy");

        if (Environment.GetEnvironmentVariable("DATAPLATFORM_WAREHOUSE") is null)
        {
            Assert.Equal(1, missingConnection.ExitCode);
            Assert.Contains("DATAPLATFORM_WAREHOUSE", missingConnection.Error, StringComparison.Ordinal);
        }

        Assert.Equal(1, missingFile.ExitCode);
        Assert.Equal(1, notADatakit.ExitCode);
        Assert.Contains("no [assembly: Datakit", notADatakit.Error, StringComparison.Ordinal);
        Assert.Equal(1, unknownVerb.ExitCode);
    }
}
