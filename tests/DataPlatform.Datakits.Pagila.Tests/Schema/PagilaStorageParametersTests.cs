using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Schema;

/// <summary>
/// The tables incremental batches update in place are deployed with free space on their pages (fillfactor 90, so
/// updates can be HOT); every other silver and gold table keeps PostgreSQL's default.
/// </summary>
public sealed class PagilaStorageParametersTests(PostgresServer server)
{
    [Fact]
    public async Task Silver_and_gold_tables_updated_in_place_are_deployed_with_fillfactor_90_and_validate_clean()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync("pagila_storage", ct);
        await using var silver = PagilaSilverContext.Create(database.ConnectionString);
        await using var gold = PagilaGoldContext.Create(database.ConnectionString);
        var deployer = new SchemaDeployer();

        await deployer.DeployAsync(silver, database.ConnectionString, ct);
        await deployer.DeployAsync(gold, database.ConnectionString, ct);
        var silverValidation = await deployer.ValidateAsync(silver, database.ConnectionString, ct);
        var goldValidation = await deployer.ValidateAsync(gold, database.ConnectionString, ct);

        Assert.True(silverValidation.IsValid, silverValidation.FixSql);
        Assert.True(goldValidation.IsValid, goldValidation.FixSql);
        Assert.Equal(
            "gl__pagila.fact_payment fillfactor=90; gl__pagila.fact_rental fillfactor=90; "
            + "sl__pagila.customer fillfactor=90; sl__pagila.payment fillfactor=90; sl__pagila.rental fillfactor=90",
            await database.ScalarAsync<string>(
                "SELECT string_agg(n.nspname || '.' || c.relname || ' ' || array_to_string(c.reloptions, ','), '; ' ORDER BY n.nspname, c.relname) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind = 'r' AND n.nspname IN ('sl__pagila', 'gl__pagila') AND c.reloptions IS NOT NULL",
                ct));
        Assert.True(await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind = 'r' AND n.nspname IN ('sl__pagila', 'gl__pagila')", ct) > 5);
    }
}
