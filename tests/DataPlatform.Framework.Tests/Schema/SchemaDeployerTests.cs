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
        Assert.Equal(0L, await database.ScalarAsync<long>(
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
            + "DROP TRIGGER trg_price__history_insert ON sl__mixtest.price;"
            + "CREATE OR REPLACE FUNCTION sl__mixtest.price__touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;", ct);

        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var after = await _deployer.ValidateAsync(context, database.ConnectionString, ct);

        Assert.Equal(3, validation.Differences.Count);
        Assert.Contains(validation.Differences, d => d.Kind == SchemaObjectKind.Trigger && d.Sql.Contains("ENABLE TRIGGER \"trg_price__touch\"", StringComparison.Ordinal));
        Assert.Contains(validation.Differences, d => d.Kind == SchemaObjectKind.Trigger && d.Sql.StartsWith(
            "CREATE TRIGGER \"trg_price__history_insert\" AFTER INSERT ON \"sl__mixtest\".\"price\" REFERENCING NEW TABLE AS \"dp_new_rows\" FOR EACH STATEMENT",
            StringComparison.Ordinal));
        Assert.Contains(validation.Differences, d => d.Kind == SchemaObjectKind.Function && d.Change == SchemaChange.Update);
        Assert.True(after.IsValid, after.FixSql);
    }

    [Fact]
    public async Task Deploy_migrates_the_previous_jsonb_touch_and_row_level_history_triggers_and_validation_then_passes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_trigger_migration", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(PreviousMixinTriggers.Sql, ct);

        var before = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        var migration = await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var after = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        var again = await _deployer.DeployAsync(context, database.ConnectionString, ct);

        Assert.False(before.IsValid);
        Assert.Contains(before.Differences, d => d.Kind == SchemaObjectKind.Trigger && d.ObjectName == "sl__mixtest.price.trg_price__history"
            && d.Sql == "DROP TRIGGER \"trg_price__history\" ON \"sl__mixtest\".\"price\";");
        Assert.Contains(before.Differences, d => d.Kind == SchemaObjectKind.Trigger && d.ObjectName == "sl__mixtest.order.trg_order__touch"
            && d.Change == SchemaChange.Update && d.Description.Contains("dataplatform.touch_row", StringComparison.Ordinal));
        Assert.All(migration.Applied, d => Assert.NotEqual(SchemaChange.Invalid, d.Change));
        Assert.True(after.IsValid, after.FixSql);
        Assert.False(again.HasChanges, again.Sql);

        // One history row per change, not two: the row-level trigger is gone, the statement-level ones write.
        await database.ExecuteAsync("INSERT INTO sl__mixtest.price (product, amount) VALUES ('tea', 1)", ct);
        await database.ExecuteAsync("UPDATE sl__mixtest.price SET amount = 2 WHERE product = 'tea'", ct);
        Assert.Equal("INSERT,UPDATE", await database.ScalarAsync<string>(
            "SELECT string_agg(operation_type, ',' ORDER BY history_id) FROM sl__mixtest.price__history WHERE product = 'tea'", ct));
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'sl__mixtest.price'::regclass AND NOT tgisinternal AND tgtype & 1 = 1 AND tgtype & 2 = 0", ct));

        // No trigger calls the generic function any more, so the migration dropped it.
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_proc WHERE pronamespace = 'dataplatform'::regnamespace AND proname = 'touch_row'", ct));
    }

    [Fact]
    public async Task The_generic_touch_function_is_kept_while_a_trigger_the_deploy_does_not_manage_still_uses_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_touch_in_use", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(PreviousMixinTriggers.Sql, ct);

        // Another datakit of the same warehouse, not redeployed yet, still on the generic function.
        await database.ExecuteAsync(
            "CREATE SCHEMA gl__other; CREATE TABLE gl__other.dim (id int PRIMARY KEY, name text, systime timestamptz NOT NULL DEFAULT now());"
            + "CREATE TRIGGER trg_dim__touch BEFORE UPDATE ON gl__other.dim FOR EACH ROW EXECUTE FUNCTION dataplatform.touch_row('systime', '', '', '');"
            + "INSERT INTO gl__other.dim (id, name, systime) VALUES (1, 'a', '2001-01-01');", ct);

        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var after = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync("UPDATE gl__other.dim SET name = 'b'", ct);

        Assert.True(after.IsValid, after.FixSql);
        Assert.True(await database.ScalarAsync<bool>("SELECT systime > '2001-01-01' FROM gl__other.dim", ct));
    }

    [Fact]
    public async Task A_row_level_trigger_where_a_statement_level_one_is_expected_and_a_when_clause_are_drift_that_deploy_fixes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_trigger_drift", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        await database.ExecuteAsync(
            "DROP TRIGGER trg_price__history_update ON sl__mixtest.price;"
            + "CREATE TRIGGER trg_price__history_update AFTER UPDATE ON sl__mixtest.price FOR EACH ROW EXECUTE FUNCTION sl__mixtest.price__write_history();"
            + "DROP TRIGGER trg_genre__touch ON sl__mixtest.genre;"
            + "CREATE TRIGGER trg_genre__touch BEFORE UPDATE ON sl__mixtest.genre FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) "
            + "EXECUTE FUNCTION sl__mixtest.genre__touch();", ct);

        var drifted = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var fixedUp = await _deployer.ValidateAsync(context, database.ConnectionString, ct);

        Assert.Equal(2, drifted.Differences.Count);
        var history = Assert.Single(drifted.Differences, d => d.ObjectName == "sl__mixtest.price.trg_price__history_update");
        Assert.Equal(SchemaChange.Update, history.Change);
        Assert.Contains("FOR EACH ROW", history.Description, StringComparison.Ordinal);
        Assert.Contains("REFERENCING OLD TABLE AS dp_old_rows NEW TABLE AS dp_new_rows FOR EACH STATEMENT", history.Description, StringComparison.Ordinal);
        var touch = Assert.Single(drifted.Differences, d => d.ObjectName == "sl__mixtest.genre.trg_genre__touch");
        Assert.Contains("WHEN", touch.Description, StringComparison.Ordinal);
        Assert.True(fixedUp.IsValid, fixedUp.FixSql);
        Assert.Equal("statement", await database.ScalarAsync<string>(
            "SELECT CASE WHEN tgtype & 1 = 1 THEN 'row' ELSE 'statement' END FROM pg_trigger WHERE tgname = 'trg_price__history_update'", ct));
        Assert.False(await database.ScalarAsync<bool>("SELECT tgqual IS NOT NULL FROM pg_trigger WHERE tgname = 'trg_genre__touch'", ct));
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
    public async Task Declared_storage_parameters_are_created_with_the_table_and_not_given_to_its_history_table()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_storage_create", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);

        var first = await _deployer.DeployAsync(context, database.ConnectionString, ct);

        Assert.Contains(first.Applied, d => d.Kind == SchemaObjectKind.Table && d.ObjectName == "sl__mixtest.order"
            && d.Sql.EndsWith(") WITH (fillfactor = 90);", StringComparison.Ordinal));
        Assert.Equal("fillfactor=90", await ReloptionsAsync(database, "sl__mixtest.\"order\"", ct));
        Assert.Equal("autovacuum_vacuum_scale_factor=0.05,fillfactor=80", await ReloptionsAsync(database, "sl__mixtest.price", ct));
        Assert.Equal("(none)", await ReloptionsAsync(database, "sl__mixtest.price__history", ct));
        Assert.Equal("(none)", await ReloptionsAsync(database, "sl__mixtest.genre", ct));
    }

    [Fact]
    public async Task A_declared_storage_parameter_missing_or_different_in_the_database_is_drift_that_deploy_sets_keeping_the_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_storage_drift", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);

        // As tables deployed before the model declared the parameters: fillfactor not set on order, another value on price.
        await database.ExecuteAsync(
            "INSERT INTO sl__mixtest.genre (code, name) VALUES ('A', 'a');"
            + "INSERT INTO sl__mixtest.\"order\" (genre_id, customer, total) SELECT g.id, 'c' || i, i FROM sl__mixtest.genre g, generate_series(1, 500) i;"
            + "INSERT INTO sl__mixtest.price (product, amount) VALUES ('tea', 2.50);"
            + "ALTER TABLE sl__mixtest.\"order\" RESET (fillfactor);"
            + "ALTER TABLE sl__mixtest.price SET (fillfactor = 70);", ct);
        const string Rows = "SELECT count(*) || ':' || sum(total) || ':' || max(updated_at) FROM sl__mixtest.\"order\"";
        var rowsBefore = await database.ScalarAsync<string>(Rows, ct);

        var drifted = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        var deployed = await _deployer.DeployAsync(context, database.ConnectionString, ct);
        var again = await _deployer.DeployAsync(context, database.ConnectionString, ct);

        Assert.Collection(
            drifted.Differences.OrderBy(d => d.ObjectName, StringComparer.Ordinal),
            d =>
            {
                Assert.Equal((SchemaChange.Update, SchemaObjectKind.Table, "sl__mixtest.order"), (d.Change, d.Kind, d.ObjectName));
                Assert.Equal("storage parameter fillfactor is not set, model has 90", d.Description);
                Assert.Equal("ALTER TABLE \"sl__mixtest\".\"order\" SET (fillfactor = 90);", d.Sql);
            },
            d =>
            {
                Assert.Equal((SchemaChange.Update, SchemaObjectKind.Table, "sl__mixtest.price"), (d.Change, d.Kind, d.ObjectName));
                Assert.Equal("storage parameter fillfactor is 70, model has 80", d.Description);
                Assert.Equal("ALTER TABLE \"sl__mixtest\".\"price\" SET (fillfactor = 80);", d.Sql);
            });
        Assert.Equal(2, deployed.Applied.Count);
        Assert.False(again.HasChanges, again.Sql);
        Assert.Equal("fillfactor=90", await ReloptionsAsync(database, "sl__mixtest.\"order\"", ct));
        Assert.Equal("autovacuum_vacuum_scale_factor=0.05,fillfactor=80", await ReloptionsAsync(database, "sl__mixtest.price", ct));
        Assert.Equal(rowsBefore, await database.ScalarAsync<string>(Rows, ct));
        Assert.StartsWith("500:", rowsBefore, StringComparison.Ordinal);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM sl__mixtest.price WHERE amount = 2.50", ct));
    }

    [Fact]
    public async Task A_storage_parameter_the_model_does_not_declare_or_spells_differently_is_left_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("deployer_storage_undeclared", ct);
        await using var context = MixinTestContext.Create(database.ConnectionString);
        await _deployer.DeployAsync(context, database.ConnectionString, ct);

        // A DBA's tuning the model says nothing about, and a declared value written another way (0.050 for 0.05).
        await database.ExecuteAsync(
            "ALTER TABLE sl__mixtest.\"order\" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_enabled = off);"
            + "ALTER TABLE sl__mixtest.genre SET (fillfactor = 70);"
            + "ALTER TABLE sl__mixtest.price SET (autovacuum_vacuum_scale_factor = 0.050);", ct);

        var validation = await _deployer.ValidateAsync(context, database.ConnectionString, ct);
        var deployed = await _deployer.DeployAsync(context, database.ConnectionString, ct);

        Assert.True(validation.IsValid, validation.FixSql);
        Assert.False(deployed.HasChanges, deployed.Sql);
        Assert.Equal("autovacuum_enabled=off,autovacuum_vacuum_scale_factor=0.01,fillfactor=90", await ReloptionsAsync(database, "sl__mixtest.\"order\"", ct));
        Assert.Equal("fillfactor=70", await ReloptionsAsync(database, "sl__mixtest.genre", ct));
        Assert.Equal("autovacuum_vacuum_scale_factor=0.050,fillfactor=80", await ReloptionsAsync(database, "sl__mixtest.price", ct));
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

    // pg_class.reloptions sorted by name, "(none)" when the table has none.
    private static Task<string> ReloptionsAsync(TestDatabase database, string table, CancellationToken ct) =>
        database.ScalarAsync<string>(
            $"SELECT coalesce((SELECT string_agg(o, ',' ORDER BY o) FROM unnest(reloptions) o), '(none)') FROM pg_class WHERE oid = '{table}'::regclass", ct);
}
