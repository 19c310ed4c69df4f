using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Mixins;

// The mixins' database behaviour after SchemaDeployer.DeployAsync: columns, touch triggers, soft delete, history.
public sealed class MixinDatabaseBehaviourTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(MixinDatabaseBehaviourTests), TestContext.Current.CancellationToken);
        await using var context = MixinTestContext.Create(_database.ConnectionString);
        await new SchemaDeployer().DeployAsync(context, _database.ConnectionString, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("genre", "inactivated_date", "timestamp with time zone", "YES", null)]
    [InlineData("genre", "systime", "timestamp with time zone", "NO", "now()")]
    [InlineData("order", "created_at", "timestamp with time zone", "NO", "now()")]
    [InlineData("order", "updated_at", "timestamp with time zone", "NO", "now()")]
    [InlineData("order", "systime", "timestamp with time zone", "NO", "now()")]
    [InlineData("price", "effective_time", "timestamp with time zone", "NO", "now()")]
    [InlineData("price", "systime", "timestamp with time zone", "NO", "now()")]
    [InlineData("raw_film", "dp_batch_id", "bigint", "NO", null)]
    [InlineData("raw_film", "dp_record_hash", "bytea", "NO", null)]
    [InlineData("raw_film", "dp_operation", "text", "NO", null)]
    [InlineData("price__history", "history_id", "bigint", "NO", null)]
    [InlineData("price__history", "operation_type", "text", "NO", null)]
    [InlineData("price__history", "amount", "numeric", "YES", null)]
    [InlineData("price__history", "effective_time", "timestamp with time zone", "NO", null)]
    [InlineData("price__history", "systime", "timestamp with time zone", "NO", null)]
    public async Task Mixin_columns_have_their_types_defaults_and_nullability(
        string table, string column, string dataType, string isNullable, string? columnDefault)
    {
        var ct = TestContext.Current.CancellationToken;
        var row = await _database.ScalarAsync<string>(
            $"""
            SELECT data_type || '|' || is_nullable || '|' || coalesce(column_default, '-')
            FROM information_schema.columns
            WHERE table_schema = 'sl__mixtest' AND table_name = '{table}' AND column_name = '{column}'
            """,
            ct);

        Assert.Equal($"{dataType}|{isNullable}|{columnDefault ?? "-"}", row);
    }

    [Fact]
    public async Task History_table_has_an_identity_key_and_an_operation_type_check_but_no_excluded_column()
    {
        var ct = TestContext.Current.CancellationToken;
        var columns = await _database.ScalarAsync<string>(
            "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns "
            + "WHERE table_schema = 'sl__mixtest' AND table_name = 'price__history'", ct);
        var identity = await _database.ScalarAsync<string>(
            "SELECT is_identity FROM information_schema.columns WHERE table_schema = 'sl__mixtest' AND table_name = 'price__history' "
            + "AND column_name = 'history_id'", ct);
        var check = await _database.ScalarAsync<string>(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'sl__mixtest.price__history'::regclass AND contype = 'c'", ct);

        Assert.Equal("history_id,id,amount,effective_time,product,systime,operation_type", columns);
        Assert.DoesNotContain("comment", columns, StringComparison.Ordinal);
        Assert.Equal("YES", identity);
        Assert.Contains("'INSERT'", check, StringComparison.Ordinal);
        Assert.Contains("'DELETE'", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Soft_delete_sets_inactivated_date_and_keeps_the_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var context = MixinTestContext.Create(_database.ConnectionString))
        {
            context.Genres.Add(new Genre { Code = "SOFT", Name = "Soft" });
            await context.SaveChangesAsync(ct);
        }

        await using (var context = MixinTestContext.Create(_database.ConnectionString))
        {
            var genre = await context.Genres.SingleAsync(g => g.Code == "SOFT", ct);
            Assert.True(genre.IsActive());
            genre.Inactivate();
            await context.SaveChangesAsync(ct);
        }

        var inactivated = await _database.ScalarAsync<DateTime?>("SELECT inactivated_date FROM sl__mixtest.genre WHERE code = 'SOFT'", ct);
        Assert.NotNull(inactivated);
        Assert.InRange(inactivated.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Update_bumps_updated_at_and_systime_but_never_created_at()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync(
            "INSERT INTO sl__mixtest.genre (code, name) VALUES ('TOUCH', 'Touch');"
            + "INSERT INTO sl__mixtest.\"order\" (genre_id, customer, total) SELECT id, 'alice', 10 FROM sl__mixtest.genre WHERE code = 'TOUCH';",
            ct);
        var before = await ReadOrderTimesAsync(ct);

        // Each statement is its own transaction, so now() moves on.
        await Task.Delay(20, ct);
        await _database.ExecuteAsync(
            "UPDATE sl__mixtest.\"order\" SET total = 11, created_at = '2001-01-01' WHERE customer = 'alice'", ct);
        var after = await ReadOrderTimesAsync(ct);

        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.True(after.UpdatedAt > before.UpdatedAt, $"updated_at {after.UpdatedAt:O} should be after {before.UpdatedAt:O}");
        Assert.True(after.Systime > before.Systime, $"systime {after.Systime:O} should be after {before.Systime:O}");
    }

    [Fact]
    public async Task Update_that_changes_nothing_bumps_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync(
            "INSERT INTO sl__mixtest.genre (code, name) VALUES ('NOOP', 'Noop');"
            + "INSERT INTO sl__mixtest.\"order\" (genre_id, customer, total) SELECT id, 'bob', 10 FROM sl__mixtest.genre WHERE code = 'NOOP';",
            ct);
        var before = await ReadOrderTimesAsync(ct, "bob");

        await Task.Delay(20, ct);
        await _database.ExecuteAsync("UPDATE sl__mixtest.\"order\" SET total = 10 WHERE customer = 'bob'", ct);
        var after = await ReadOrderTimesAsync(ct, "bob");

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Reference_update_bumps_systime()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync("INSERT INTO sl__mixtest.genre (code, name) VALUES ('SYS', 'Sys')", ct);
        var before = await _database.ScalarAsync<DateTime>("SELECT systime FROM sl__mixtest.genre WHERE code = 'SYS'", ct);
        await Task.Delay(20, ct);
        await _database.ExecuteAsync("UPDATE sl__mixtest.genre SET name = 'System' WHERE code = 'SYS'", ct);
        var after = await _database.ScalarAsync<DateTime>("SELECT systime FROM sl__mixtest.genre WHERE code = 'SYS'", ct);

        Assert.True(after > before);
    }

    [Fact]
    public async Task A_json_column_is_compared_by_value_so_a_reformatted_equal_document_bumps_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync("INSERT INTO sl__mixtest.genre (code, name, tags) VALUES ('JSON', 'Json', '{\"a\": 1, \"b\": 2}')", ct);
        const string Systime = "SELECT systime FROM sl__mixtest.genre WHERE code = 'JSON'";
        var before = await _database.ScalarAsync<DateTime>(Systime, ct);
        await Task.Delay(20, ct);

        await _database.ExecuteAsync("UPDATE sl__mixtest.genre SET tags = '{\"b\":2,\"a\":1}' WHERE code = 'JSON'", ct);
        var unchanged = await _database.ScalarAsync<DateTime>(Systime, ct);
        await _database.ExecuteAsync("UPDATE sl__mixtest.genre SET tags = '{\"a\": 3}' WHERE code = 'JSON'", ct);
        var changed = await _database.ScalarAsync<DateTime>(Systime, ct);

        Assert.Equal(before, unchanged);
        Assert.True(changed > before);
    }

    [Fact]
    public async Task History_triggers_write_one_row_per_insert_tracked_update_and_delete()
    {
        var ct = TestContext.Current.CancellationToken;
        const string History = "SELECT string_agg(operation_type || ':' || product || ':' || amount, ',' ORDER BY history_id) "
            + "FROM sl__mixtest.price__history WHERE product = 'tea'";

        await _database.ExecuteAsync("INSERT INTO sl__mixtest.price (product, amount, comment) VALUES ('tea', 2.50, 'first')", ct);
        Assert.Equal("INSERT:tea:2.50", await _database.ScalarAsync<string>(History, ct));

        await _database.ExecuteAsync("UPDATE sl__mixtest.price SET amount = 3.00 WHERE product = 'tea'", ct);
        Assert.Equal("INSERT:tea:2.50,UPDATE:tea:3.00", await _database.ScalarAsync<string>(History, ct));

        // Nothing tracked changes: neither a no-op update nor an update of an excluded column writes history.
        await _database.ExecuteAsync("UPDATE sl__mixtest.price SET amount = 3.00 WHERE product = 'tea'", ct);
        await _database.ExecuteAsync("UPDATE sl__mixtest.price SET comment = 'second' WHERE product = 'tea'", ct);
        Assert.Equal("INSERT:tea:2.50,UPDATE:tea:3.00", await _database.ScalarAsync<string>(History, ct));

        await _database.ExecuteAsync("DELETE FROM sl__mixtest.price WHERE product = 'tea'", ct);
        Assert.Equal("INSERT:tea:2.50,UPDATE:tea:3.00,DELETE:tea:3.00", await _database.ScalarAsync<string>(History, ct));

        var deleteRowIsStamped = await _database.ScalarAsync<bool>(
            "SELECT systime >= (SELECT max(systime) FROM sl__mixtest.price__history WHERE product = 'tea' AND operation_type = 'UPDATE') "
            + "FROM sl__mixtest.price__history WHERE product = 'tea' AND operation_type = 'DELETE'", ct);
        Assert.True(deleteRowIsStamped);
    }

    [Fact]
    public async Task History_update_row_carries_the_bumped_effective_time_and_systime()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync("INSERT INTO sl__mixtest.price (product, amount) VALUES ('coffee', 1.00)", ct);
        await Task.Delay(20, ct);
        await _database.ExecuteAsync("UPDATE sl__mixtest.price SET amount = 1.20 WHERE product = 'coffee'", ct);

        var matches = await _database.ScalarAsync<bool>(
            "SELECT h.effective_time = p.effective_time AND h.systime = p.systime AND h.effective_time > i.effective_time "
            + "FROM sl__mixtest.price p "
            + "JOIN sl__mixtest.price__history h ON h.id = p.id AND h.operation_type = 'UPDATE' "
            + "JOIN sl__mixtest.price__history i ON i.id = p.id AND i.operation_type = 'INSERT' "
            + "WHERE p.product = 'coffee'", ct);
        Assert.True(matches);
    }

    [Fact]
    public async Task Multi_row_update_writes_history_only_for_rows_whose_tracked_columns_changed()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync(
            "INSERT INTO sl__mixtest.price (product, amount, comment) VALUES ('m1', 1, 'a'), ('m2', 2, 'a'), ('m3', 3, 'a'), ('m4', 4, 'a')", ct);

        // One statement: m1 and m3 change a tracked column (and the excluded comment), m2 and m4 only the excluded comment.
        await _database.ExecuteAsync(
            "UPDATE sl__mixtest.price SET comment = 'b', amount = CASE WHEN product IN ('m1', 'm3') THEN amount + 10 ELSE amount END "
            + "WHERE product LIKE 'm_'", ct);

        Assert.Equal("m1:11.00,m3:13.00", await _database.ScalarAsync<string>(
            "SELECT string_agg(product || ':' || amount, ',' ORDER BY product) FROM sl__mixtest.price__history "
            + "WHERE operation_type = 'UPDATE' AND product LIKE 'm_'", ct));
        Assert.Equal(4L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM sl__mixtest.price__history WHERE operation_type = 'INSERT' AND product LIKE 'm_'", ct));
        Assert.Equal("m1,m3", await _database.ScalarAsync<string>(
            "SELECT string_agg(product, ',' ORDER BY product) FROM sl__mixtest.price p "
            + "WHERE product LIKE 'm_' AND effective_time > (SELECT h.effective_time FROM sl__mixtest.price__history h "
            + "WHERE h.id = p.id AND h.operation_type = 'INSERT')", ct));
    }

    [Fact]
    public async Task Multi_row_delete_writes_one_stamped_history_row_per_deleted_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync("INSERT INTO sl__mixtest.price (product, amount) VALUES ('d1', 1), ('d2', 2), ('d3', 3)", ct);
        await Task.Delay(20, ct);

        await _database.ExecuteAsync("DELETE FROM sl__mixtest.price WHERE product IN ('d1', 'd3')", ct);

        Assert.Equal("d1:1.00,d3:3.00", await _database.ScalarAsync<string>(
            "SELECT string_agg(product || ':' || amount, ',' ORDER BY product) FROM sl__mixtest.price__history "
            + "WHERE operation_type = 'DELETE' AND product LIKE 'd_'", ct));
        Assert.True(await _database.ScalarAsync<bool>(
            "SELECT bool_and(d.effective_time > i.effective_time AND d.systime > i.systime) FROM sl__mixtest.price__history d "
            + "JOIN sl__mixtest.price__history i ON i.id = d.id AND i.operation_type = 'INSERT' WHERE d.operation_type = 'DELETE'", ct));
    }

    [Fact]
    public async Task Multi_row_update_keeps_created_at_and_respects_an_explicit_updated_at()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync(
            "INSERT INTO sl__mixtest.genre (code, name) VALUES ('KEEP', 'Keep');"
            + "INSERT INTO sl__mixtest.\"order\" (genre_id, customer, total) SELECT id, c, 10 FROM sl__mixtest.genre, "
            + "(VALUES ('carol'), ('dave')) v(c) WHERE code = 'KEEP';",
            ct);
        var createdBefore = await _database.ScalarAsync<string>(
            "SELECT string_agg(created_at::text, ',' ORDER BY customer) FROM sl__mixtest.\"order\" WHERE customer IN ('carol', 'dave')", ct);
        await Task.Delay(20, ct);

        await _database.ExecuteAsync(
            "UPDATE sl__mixtest.\"order\" SET total = total + 1, created_at = '2001-01-01', updated_at = '2002-02-02 00:00:00+00' "
            + "WHERE customer IN ('carol', 'dave')", ct);

        Assert.Equal(createdBefore, await _database.ScalarAsync<string>(
            "SELECT string_agg(created_at::text, ',' ORDER BY customer) FROM sl__mixtest.\"order\" WHERE customer IN ('carol', 'dave')", ct));
        Assert.Equal(2L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM sl__mixtest.\"order\" WHERE customer IN ('carol', 'dave') "
            + "AND updated_at = '2002-02-02 00:00:00+00' AND systime > created_at", ct));
    }

    [Fact]
    public async Task Excluded_column_change_bumps_systime_but_not_effective_time_and_an_explicit_effective_time_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await _database.ExecuteAsync("INSERT INTO sl__mixtest.price (product, amount, comment) VALUES ('e1', 1, 'a'), ('e2', 2, 'a')", ct);
        const string Times = "SELECT string_agg(product || '|' || (p.effective_time = i.effective_time) || '|' || (p.systime = i.systime), ',' ORDER BY product) "
            + "FROM sl__mixtest.price p JOIN sl__mixtest.price__history i USING (id, product) WHERE i.operation_type = 'INSERT' AND product LIKE 'e_'";
        await Task.Delay(20, ct);

        await _database.ExecuteAsync("UPDATE sl__mixtest.price SET comment = 'b' WHERE product LIKE 'e_'", ct);
        Assert.Equal("e1|true|false,e2|true|false", await _database.ScalarAsync<string>(Times, ct));

        await _database.ExecuteAsync(
            "UPDATE sl__mixtest.price SET amount = amount + 1, effective_time = '2003-03-03 00:00:00+00' WHERE product = 'e1'", ct);
        Assert.Equal("2003-03-03 00:00:00+00", await _database.ScalarAsync<string>(
            "SELECT effective_time AT TIME ZONE 'UTC' || '+00' FROM sl__mixtest.price WHERE product = 'e1'", ct));
        Assert.Equal("2003-03-03 00:00:00+00", await _database.ScalarAsync<string>(
            "SELECT effective_time AT TIME ZONE 'UTC' || '+00' FROM sl__mixtest.price__history WHERE product = 'e1' AND operation_type = 'UPDATE'", ct));
    }

    [Fact]
    public async Task History_is_written_by_statement_level_triggers_with_transition_tables()
    {
        var ct = TestContext.Current.CancellationToken;

        // tgtype bit 0 set = FOR EACH ROW; the touch trigger stays a BEFORE row trigger, history is per statement.
        Assert.Equal(
            "trg_price__history_delete:statement:dp_old_rows:-,trg_price__history_insert:statement:-:dp_new_rows,"
            + "trg_price__history_update:statement:dp_old_rows:dp_new_rows,trg_price__touch:row:-:-",
            await _database.ScalarAsync<string>(
                "SELECT string_agg(tgname || ':' || CASE WHEN tgtype & 1 = 1 THEN 'row' ELSE 'statement' END || ':' "
                + "|| coalesce(tgoldtable::text, '-') || ':' || coalesce(tgnewtable::text, '-'), ',' ORDER BY tgname) "
                + "FROM pg_trigger WHERE tgrelid = 'sl__mixtest.price'::regclass AND NOT tgisinternal", ct));
    }

    [Fact]
    public async Task Touch_triggers_run_a_per_table_function_that_does_not_convert_rows_to_jsonb()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(
            "genre:sl__mixtest.genre__touch,order:sl__mixtest.order__touch,price:sl__mixtest.price__touch",
            await _database.ScalarAsync<string>(
                "SELECT string_agg(c.relname || ':' || t.tgfoid::regproc::text, ',' ORDER BY c.relname) FROM pg_trigger t "
                + "JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'trg\\_%\\_\\_touch' AND c.relnamespace = 'sl__mixtest'::regnamespace", ct));
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_proc WHERE pronamespace = 'sl__mixtest'::regnamespace AND proname LIKE '%touch' "
            + "AND (prosrc LIKE '%to_jsonb%' OR prosrc LIKE '%jsonb_populate_record%')", ct));
    }

    [Fact]
    public async Task A_temporal_table_without_a_primary_key_keeps_a_row_level_history_trigger_with_the_same_rules()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("mixin_keyless_temporal", ct);
        await using var context = KeylessTemporalContext.Create(database.ConnectionString);
        await new SchemaDeployer().DeployAsync(context, database.ConnectionString, ct);

        // A statement-level history trigger, as deploy creates while the table has a key, would write history twice.
        await database.ExecuteAsync(
            "CREATE TRIGGER trg_rate_log__history_update AFTER UPDATE ON sl__mixkeyless.rate_log REFERENCING OLD TABLE AS dp_old_rows "
            + "NEW TABLE AS dp_new_rows FOR EACH STATEMENT EXECUTE FUNCTION sl__mixkeyless.rate_log__write_history()", ct);
        var drifted = await new SchemaDeployer().ValidateAsync(context, database.ConnectionString, ct);
        await new SchemaDeployer().DeployAsync(context, database.ConnectionString, ct);
        var validation = await new SchemaDeployer().ValidateAsync(context, database.ConnectionString, ct);

        await database.ExecuteAsync("INSERT INTO sl__mixkeyless.rate_log (currency, rate) VALUES ('EUR', 1), ('USD', 2)", ct);
        await database.ExecuteAsync("UPDATE sl__mixkeyless.rate_log SET rate = CASE WHEN currency = 'EUR' THEN 1.5 ELSE rate END", ct);
        await database.ExecuteAsync("DELETE FROM sl__mixkeyless.rate_log WHERE currency = 'USD'", ct);

        Assert.Equal("DROP TRIGGER \"trg_rate_log__history_update\" ON \"sl__mixkeyless\".\"rate_log\";", Assert.Single(drifted.Differences).Sql);
        Assert.True(validation.IsValid, validation.FixSql);
        Assert.Equal("trg_rate_log__history:row:AFTER INSERT OR DELETE OR UPDATE,trg_rate_log__touch:row:BEFORE UPDATE", await database.ScalarAsync<string>(
            "SELECT string_agg(tgname || ':' || CASE WHEN tgtype & 1 = 1 THEN 'row' ELSE 'statement' END || ':' "
            + "|| substring(pg_get_triggerdef(oid) FROM '((?:BEFORE|AFTER) [A-Z ]+) ON'), ',' ORDER BY tgname) "
            + "FROM pg_trigger WHERE tgrelid = 'sl__mixkeyless.rate_log'::regclass AND NOT tgisinternal", ct));
        Assert.Equal("INSERT:EUR:1,INSERT:USD:2,UPDATE:EUR:1.5,DELETE:USD:2", await database.ScalarAsync<string>(
            "SELECT string_agg(operation_type || ':' || currency || ':' || rate::float8, ',' ORDER BY history_id) FROM sl__mixkeyless.rate_log__history", ct));
    }

    private async Task<(DateTime CreatedAt, DateTime UpdatedAt, DateTime Systime)> ReadOrderTimesAsync(CancellationToken ct, string customer = "alice")
    {
        await using var connection = await _database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT created_at, updated_at, systime FROM sl__mixtest.\"order\" WHERE customer = '{customer}'";
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        return (reader.GetDateTime(0), reader.GetDateTime(1), reader.GetDateTime(2));
    }
}
