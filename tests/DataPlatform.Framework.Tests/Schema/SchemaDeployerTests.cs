using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Schema;
using DataPlatform.Framework.Tests.Transforms;
using Microsoft.EntityFrameworkCore;
using DataPlatform.Framework.Tests.Mixins;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Schema;

// SchemaDeployer against a real database: idempotence, classification, never dropping data, fixing SQL.
public sealed class SchemaDeployerTests(PostgresServer server)
{
    private readonly SchemaDeployer _deployer = new();

    [Fact]
    public async Task Deploy_creates_everything_and_a_second_deploy_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_idempotent", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);

        var first = await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var second = await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);

        Assert.True(first.HasChanges);
        Assert.Contains(first.Applied, d => d.Kind == SchemaObjectKind.Schema && d.ObjectName == "dataplatform");
        Assert.Contains(first.Applied, d => d.Kind == SchemaObjectKind.Enum && d.ObjectName == "sl__mixtest.order_state");
        Assert.Contains(first.Applied, d => d.Kind == SchemaObjectKind.HistoryTable && d.ObjectName == "sl__mixtest.price__history");
        Assert.All(first.Applied, d => Assert.NotEqual(SchemaChange.Invalid, d.Change));
        Assert.False(second.HasChanges, second.Sql);
        Assert.True(validation.IsValid, validation.FixSql);
        Assert.Equal(3L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = 'order_state'", ct));
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'dataplatform' AND p.proname = 'touch_row'", ct));
    }

    [Fact]
    public async Task Deploy_adds_a_missing_column_and_keeps_the_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_add_column", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(
            "INSERT INTO sl__mixtest.genre (code, name) VALUES ('A', 'a'), ('B', 'b');"
            + "ALTER TABLE sl__mixtest.genre DROP COLUMN inactivated_date;", ct);

        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        var result = await _deployer.DeployAsync(context, database.ConnectionString, ct);

        var difference = Assert.Single(validation.Differences);
        Assert.Equal(SchemaChange.Create, difference.Change);
        Assert.Equal("sl__mixtest.genre.inactivated_date", difference.ObjectName);
        Assert.Contains("ALTER TABLE \"sl__mixtest\".\"genre\" ADD COLUMN \"inactivated_date\" timestamp with time zone;", difference.Sql, StringComparison.Ordinal);
        Assert.Single(result.Applied);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM sl__mixtest.genre WHERE inactivated_date IS NULL", ct));
    }

    [Fact]
    public async Task Type_change_is_invalid_and_deploy_stops_without_changing_anything()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_invalid", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(
            "ALTER TABLE sl__mixtest.\"order\" ALTER COLUMN total TYPE text;"
            + "DROP INDEX sl__mixtest.ix_order_customer;", ct);

        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        var exception = await Assert.ThrowsAsync<SchemaDriftException>(() => _deployer.DeployAsync(context, database.ConnectionString, ct));

        var invalid = Assert.Single(validation.Differences, d => d.Change == SchemaChange.Invalid);
        Assert.Equal("sl__mixtest.order.total", invalid.ObjectName);
        Assert.Contains("ALTER COLUMN \"total\" TYPE numeric(8,2) USING \"total\"::numeric(8,2)", invalid.Sql, StringComparison.Ordinal);
        Assert.Contains(validation.Differences, d => d.Change == SchemaChange.Create && d.Kind == SchemaObjectKind.Index);
        Assert.Contains("numeric(8,2)", exception.Message, StringComparison.Ordinal);
        Assert.Equal("text", await database.ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'sl__mixtest' AND table_name = 'order' AND column_name = 'total'", ct));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_order_customer'", ct));
    }

    [Fact]
    public async Task Nullable_to_not_null_is_only_fixed_by_explicit_sql_and_the_reverse_is_an_update()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_nullability", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(
            "ALTER TABLE sl__mixtest.genre ALTER COLUMN name DROP NOT NULL;"
            + "ALTER TABLE sl__mixtest.genre ALTER COLUMN inactivated_date SET NOT NULL;", ct);

        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);

        Assert.Collection(
            validation.Differences.OrderBy(d => d.ObjectName, StringComparer.Ordinal),
            d =>
            {
                Assert.Equal(SchemaChange.Update, d.Change);
                Assert.EndsWith("ALTER COLUMN \"inactivated_date\" DROP NOT NULL;", d.Sql, StringComparison.Ordinal);
            },
            d =>
            {
                Assert.Equal(SchemaChange.Invalid, d.Change);
                Assert.EndsWith("ALTER COLUMN \"name\" SET NOT NULL;", d.Sql, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task Disabled_or_dropped_triggers_and_changed_functions_are_restored_by_deploy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_triggers", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(
            "ALTER TABLE sl__mixtest.price DISABLE TRIGGER trg_price__touch;"
            + "DROP TRIGGER trg_price__history ON sl__mixtest.price;"
            + "CREATE OR REPLACE FUNCTION dataplatform.touch_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;", ct);

        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var after = await _deployer.ValidateAsync(context, database.ConnectionString, ct);

        Assert.Equal(3, validation.Differences.Count);
        Assert.Contains(validation.Differences, d => d.Kind == SchemaObjectKind.Trigger && d.Sql.Contains("ENABLE TRIGGER \"trg_price__touch\"", StringComparison.Ordinal));
        Assert.Contains(validation.Differences, d => d.Kind == SchemaObjectKind.Trigger && d.Sql.StartsWith("CREATE TRIGGER \"trg_price__history\" AFTER INSERT OR UPDATE OR DELETE", StringComparison.Ordinal));
        Assert.Contains(validation.Differences, d => d.Kind == SchemaObjectKind.Function && d.Change == SchemaChange.Update);
        Assert.True(after.IsValid, after.FixSql);
    }

    [Fact]
    public async Task A_partial_index_with_another_predicate_is_drift_that_deploy_fixes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_partial_index", ct);
        await using var context = (DbContext)DatakitContexts.Create(typeof(TfxGoldContext), database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var index = await database.ScalarAsync<string>(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'gl__tfx' AND indexdef LIKE '%WHERE%'", ct);

        // Same name, columns and uniqueness; only the predicate differs: one current version per key is no longer enforced.
        await database.ExecuteAsync(
            $"DROP INDEX gl__tfx.\"{index}\"; CREATE UNIQUE INDEX \"{index}\" ON gl__tfx.dim_film (film_id) WHERE NOT is_current", ct);
        var drifted = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var fixedUp = await _deployer.ValidateAsync(context, database.ConnectionString, ct);

        Assert.False(drifted.IsValid);
        Assert.Contains(drifted.Differences, d => d.Kind == SchemaObjectKind.Index && d.ObjectName == $"gl__tfx.dim_film.{index}" && d.Change == SchemaChange.Update);
        Assert.True(fixedUp.IsValid, fixedUp.FixSql);
        Assert.EndsWith("WHERE is_current", await database.ScalarAsync<string>($"SELECT indexdef FROM pg_indexes WHERE indexname = '{index}'", ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_server_is_a_connection_error_without_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = MixinTestContext.Create("Host=127.0.0.1");
        const string Secret = "s3cr3t-Pa55";

        var exception = await Assert.ThrowsAsync<SchemaConnectionException>(() => _deployer.ValidateAsync(
            context, $"Host=127.0.0.1;Port=1;Username=nobody;Password={Secret};Database=nowhere;Timeout=3", ct));

        Assert.DoesNotContain(Secret, exception.Message, StringComparison.Ordinal);
        Assert.Contains("nowhere", exception.Message, StringComparison.Ordinal);
    }
}
