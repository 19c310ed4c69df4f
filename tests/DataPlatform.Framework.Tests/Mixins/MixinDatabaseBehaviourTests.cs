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
