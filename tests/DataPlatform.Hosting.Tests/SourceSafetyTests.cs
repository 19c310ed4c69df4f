using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Hosting.Tests;

/// <summary>A forgotten or different <c>--source</c> never replaces a warehouse's data or drops a database the host did not create.</summary>
public sealed class SourceSafetyTests(PostgresServer server)
{
    private static WarehouseHostDefinition Synthetic() => HostRun.Definition(syntheticSource: new TinySyntheticSource());

    [Fact]
    public async Task A_run_with_a_warehouse_but_no_source_exits_1_and_leaves_the_database_next_to_it_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("safety_nosrc", ct);
        await using var neighbour = await CreateNamedDatabaseAsync(warehouse.Name + "_testkit_source", ct);
        await neighbour.ExecuteAsync("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1), (2)", ct);

        var result = await HostRun.RunAsync(Synthetic(), "run", "--warehouse", warehouse.ConnectionString);

        Assert.True(result.ExitCode == ExitCodes.Error, result.ToString());
        Assert.Contains("--source synthetic", result.Error, StringComparison.Ordinal);
        Assert.Equal(2L, await neighbour.ScalarAsync<long>("SELECT count(*) FROM precious", ct));
        Assert.False(await warehouse.ScalarAsync<bool>("SELECT to_regclass('dataplatform.batch') IS NOT NULL", ct));
    }

    [Fact]
    public async Task Source_synthetic_refuses_an_existing_database_it_did_not_create()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("safety_foreign", ct);
        await using var neighbour = await CreateNamedDatabaseAsync(warehouse.Name + "_testkit_source", ct);
        await neighbour.ExecuteAsync("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)", ct);

        var result = await HostRun.RunAsync(Synthetic(), "run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic");

        Assert.True(result.ExitCode == ExitCodes.Error, result.ToString());
        Assert.Contains("was not created", result.Error, StringComparison.Ordinal);
        Assert.Equal(1L, await neighbour.ScalarAsync<long>("SELECT count(*) FROM precious", ct));
    }

    [Fact]
    public async Task Source_synthetic_creates_marks_and_regenerates_only_its_own_database()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("safety_own", ct);
        var sourceName = warehouse.Name + "_testkit_source";
        try
        {
            var first = await HostRun.RunAsync(Synthetic(), "run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic");
            var rescaled = await HostRun.RunAsync(Synthetic(), "run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic", "--scale", "2");

            Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
            Assert.True(rescaled.ExitCode == ExitCodes.Ok, rescaled.ToString());
            await using var source = NpgsqlDataSource.Create(WithDatabase(sourceName));
            await using var count = source.CreateCommand("SELECT count(*) FROM item");
            Assert.Equal(20L, (long)(await count.ExecuteScalarAsync(ct))!);
            await using var comment = source.CreateCommand("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()");
            Assert.StartsWith("testkit-warehouse synthetic source v1; scale=2;", (string)(await comment.ExecuteScalarAsync(ct))!, StringComparison.Ordinal);
        }
        finally
        {
            await DropAsync(sourceName);
        }
    }

    [Fact]
    public async Task A_run_against_another_source_is_refused_until_new_source_accepts_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("safety_ident", ct);
        await using var first = await server.CreateDatabaseAsync("safety_src_a", ct);
        await using var second = await server.CreateDatabaseAsync("safety_src_b", ct);
        var definition = HostRun.Definition();

        var loaded = await HostRun.RunAsync(definition, "run", "--warehouse", warehouse.ConnectionString, "--source", first.ConnectionString);
        var refused = await HostRun.RunAsync(definition, "run", "--warehouse", warehouse.ConnectionString, "--source", second.ConnectionString);
        var batchesAfterRefusal = await warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch", ct);
        var accepted = await HostRun.RunAsync(definition, "run", "--warehouse", warehouse.ConnectionString, "--source", second.ConnectionString, "--new-source");
        var again = await HostRun.RunAsync(definition, "run", "--warehouse", warehouse.ConnectionString, "--source", second.ConnectionString);
        var back = await HostRun.RunAsync(definition, "run", "--warehouse", warehouse.ConnectionString, "--source", first.ConnectionString);

        Assert.True(loaded.ExitCode == ExitCodes.Ok, loaded.ToString());
        Assert.True(refused.ExitCode == ExitCodes.Error, refused.ToString());
        Assert.Contains(first.Name, refused.Error, StringComparison.Ordinal);
        Assert.Contains("--new-source", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1L, batchesAfterRefusal);
        Assert.True(accepted.ExitCode == ExitCodes.Ok, accepted.ToString());
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.True(back.ExitCode == ExitCodes.Error, back.ToString());
        Assert.Equal(second.Name, await warehouse.ScalarAsync<string>("SELECT database_name FROM dataplatform.source_identity WHERE pipeline = 'testkit'", ct));
        Assert.Equal(
            await first.ScalarAsync<string>("SELECT system_identifier::text FROM pg_control_system()", ct),
            await warehouse.ScalarAsync<string>("SELECT system_identifier FROM dataplatform.source_identity", ct));
    }

    private string WithDatabase(string database) => new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;

    // A database of the user's own, named as the host would name its synthetic source.
    private async Task<NeighbourDatabase> CreateNamedDatabaseAsync(string name, CancellationToken ct)
    {
        await using (var admin = NpgsqlDataSource.Create(server.ConnectionString))
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NeighbourDatabase(NpgsqlDataSource.Create(WithDatabase(name)), () => DropAsync(name));
    }

    private async Task DropAsync(string name)
    {
        await using var admin = NpgsqlDataSource.Create(server.ConnectionString);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private sealed class NeighbourDatabase(NpgsqlDataSource dataSource, Func<Task> drop) : IAsyncDisposable
    {
        public async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(ct);
        }

        public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(sql);
            return (T)(await command.ExecuteScalarAsync(ct))!;
        }

        public async ValueTask DisposeAsync()
        {
            await dataSource.DisposeAsync();
            await drop();
        }
    }
}
