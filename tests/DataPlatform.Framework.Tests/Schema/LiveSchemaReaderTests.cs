using DataPlatform.Framework.Internal.Schema;
using DataPlatform.Framework.Schema;
using DataPlatform.Framework.Tests.Mixins;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Schema;

// LiveSchemaReader's view of triggers, read back from a deployed database: level, transition tables, WHEN, callers.
public sealed class LiveSchemaReaderTests(PostgresServer server)
{
    [Fact]
    public async Task Live_reader_sees_statement_level_history_triggers_with_their_transition_tables()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("live_reader_triggers", ct);
        await using (var context = MixinTestContext.Create(database.ConnectionString))
        {
            await new SchemaDeployer().DeployAsync(context, database.ConnectionString, ct);
        }

        var live = await ReadAsync(database, ct);

        var update = Assert.Single(live.Triggers, t => t.Name == "trg_price__history_update");
        Assert.Equal(
            ("AFTER", "UPDATE", true, "dp_old_rows", "dp_new_rows", "sl__mixtest.price__write_history"),
            (update.Timing, string.Join(",", update.Events), update.ForEachStatement, update.OldTable, update.NewTable,
                update.FunctionSchema + "." + update.FunctionName));
        var insert = Assert.Single(live.Triggers, t => t.Name == "trg_price__history_insert");
        Assert.Equal((true, null, "dp_new_rows"), (insert.ForEachStatement, insert.OldTable, insert.NewTable));
        var delete = Assert.Single(live.Triggers, t => t.Name == "trg_price__history_delete");
        Assert.Equal((true, "dp_old_rows", null), (delete.ForEachStatement, delete.OldTable, delete.NewTable));
        var touch = Assert.Single(live.Triggers, t => t.Name == "trg_price__touch");
        Assert.Equal(("BEFORE", false, null, null, null), (touch.Timing, touch.ForEachStatement, touch.OldTable, touch.NewTable, touch.When));
        Assert.Equal(
            ["sl__mixtest.price.trg_price__history_delete", "sl__mixtest.price.trg_price__history_insert", "sl__mixtest.price.trg_price__history_update"],
            Assert.Single(live.Functions, f => f.Name == "price__write_history").CalledBy);
    }

    [Fact]
    public async Task Live_reader_sees_a_row_level_trigger_and_its_when_condition()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("live_reader_when", ct);
        await database.ExecuteAsync(
            "CREATE SCHEMA sl__live; CREATE TABLE sl__live.t (id int PRIMARY KEY, name text);"
            + "CREATE FUNCTION sl__live.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
            + "CREATE TRIGGER trg_when BEFORE UPDATE ON sl__live.t FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION sl__live.f();",
            ct);

        var live = await ReadAsync(database, ct, "sl__live");

        var trigger = Assert.Single(live.Triggers);
        Assert.Equal(("BEFORE", false, "(old.name IS DISTINCT FROM new.name)"), (trigger.Timing, trigger.ForEachStatement, trigger.When));
    }

    private static async Task<SchemaSnapshot> ReadAsync(TestDatabase database, CancellationToken ct, string schema = "sl__mixtest")
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        return await LiveSchemaReader.ReadAsync(connection, transaction, [schema, "dataplatform"], ct);
    }
}
