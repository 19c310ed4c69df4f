using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Fixture;

public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Server_is_PostgreSQL_15()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("version", ct);

        var version = await database.ScalarAsync<string>("select version()", ct);

        Assert.StartsWith("PostgreSQL 15.", version);
        Assert.StartsWith("15.", server.ServerVersion);
        if (Environment.GetEnvironmentVariable("DATAPLATFORM_TEST_PG") is null)
        {
            Assert.NotEqual(PostgresServerSource.Environment, server.Source);
        }
    }

    [Fact]
    public void Server_came_from_the_path_DATAPLATFORM_EXPECT_PG_names()
    {
        // The fixture already refuses to start on another path; this names the check and shows the path in the test output.
        var expected = Environment.GetEnvironmentVariable(PostgresServerResolver.ExpectVariable);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{PostgresServerResolver.ExpectVariable}={expected ?? "(unset)"}; chose {PostgresServerResolver.NameOf(server.Source)}, {server.ServerVersion}");

        PostgresServerResolver.CheckExpectation(expected, server.Source);
    }

    [Fact]
    public async Task A_database_is_created_empty_usable_and_dropped_on_dispose()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await server.CreateDatabaseAsync("Create And Drop", ct);
        string name;
        await using (database)
        {
            name = database.Name;
            Assert.Matches("^t_create_and_drop_[a-z0-9]+_[0-9]+$", name);
            Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from pg_tables where schemaname = 'public'", ct));

            await database.ExecuteAsync("create table item (id int primary key, label text not null)", ct);
            Assert.Equal(2, await database.ExecuteAsync("insert into item values (1, 'a'), (2, 'b')", ct));
            await using var connection = await database.OpenConnectionAsync(ct);
            Assert.Equal(name, connection.Database);
            Assert.Equal(3L, await database.ScalarAsync<long>("select sum(id) from item", ct));
            Assert.Null(await database.ScalarAsync<string?>("select null::text", ct));
        }

        await using var admin = await server.CreateDatabaseAsync("admin", ct);
        var remaining = await admin.ScalarAsync<int>($"select count(*) from pg_database where datname = '{name}'", ct);
        Assert.Equal(0, remaining);
    }

    [Fact]
    public async Task Pagila_copies_hold_the_real_dump()
    {
        var ct = TestContext.Current.CancellationToken;

        // Two concurrent callers: the dump is loaded once, both get their own copy.
        var copies = await Task.WhenAll(
            server.CreatePagilaDatabaseAsync("pagila a", ct),
            server.CreatePagilaDatabaseAsync("pagila b", ct));
        await using var first = copies[0];
        await using var second = copies[1];

        Assert.Equal(16_044, await first.ScalarAsync<int>("select count(*) from rental", ct));
        Assert.Equal(16_049, await first.ScalarAsync<int>("select count(*) from payment", ct));
        Assert.Equal(1_000, await first.ScalarAsync<int>("select count(*) from film", ct));
        Assert.True(await first.ScalarAsync<int>("select count(*) from rental_by_category", ct) > 0);

        // Copies are independent.
        await first.ExecuteAsync("truncate payment, rental cascade", ct);
        Assert.Equal(0, await first.ScalarAsync<int>("select count(*) from rental", ct));
        Assert.Equal(16_044, await second.ScalarAsync<int>("select count(*) from rental", ct));

        var isTemplate = await first.ScalarAsync<bool>(
            $"select datistemplate and not datallowconn from pg_database where datname = '{PostgresServer.PagilaTemplateName}'", ct);
        Assert.True(isTemplate);
    }
}
