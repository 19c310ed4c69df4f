using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Framework.Tests.Pipelines;
using DataPlatform.Framework.Tests.Transforms;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Schema;

public sealed class WarehouseSchemaTests(PostgresServer server)
{
    private static readonly WarehouseSchema s_schema = new(new PipelineDefinition(
        "tfx",
        new TestLayer("silver", (_, _) => Task.FromResult<IReadOnlyList<TableResult>>([])),
        new TestLayer("gold", (_, _) => Task.FromResult<IReadOnlyList<TableResult>>([]))));

    [Fact]
    public void The_ledger_comes_first_and_each_context_once()
    {
        Assert.Equal([typeof(DataPlatform.Framework.Internal.Ledger.LedgerContext), typeof(TfxSilverContext)], s_schema.ContextTypes);
    }

    [Fact]
    public async Task One_call_validates_deploys_and_counts_the_whole_warehouse()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("whschema", ct);

        var before = await s_schema.ValidateAsync(db.ConnectionString, ct);
        var deployed = await s_schema.DeployAsync(db.ConnectionString, ct);
        var after = await s_schema.ValidateAsync(db.ConnectionString, ct);
        var again = await s_schema.DeployAsync(db.ConnectionString, ct);
        await db.ExecuteAsync("INSERT INTO sl__tfx.clean_film (film_id, title, title_key, title_upper, title_length, language_id, is_active, batch_id, created_at, updated_at) VALUES (1, 'A', 'a', 'A', 1, 1, true, 1, now(), now())", ct);

        Assert.False(before.IsValid);
        Assert.Contains("dataplatform", before.FixSql, StringComparison.Ordinal);
        Assert.Contains("sl__tfx", before.FixSql, StringComparison.Ordinal);
        Assert.True(deployed.HasChanges);
        Assert.True(after.IsValid, string.Join("\n", after.Differences));
        Assert.False(again.HasChanges);
        Assert.Equal(1L, await s_schema.CountRowsAsync(db.DataSource, "silver", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => s_schema.CountRowsAsync(db.DataSource, "bronze", ct));
    }

    [Fact]
    public async Task Drift_in_a_context_stops_the_deploy_there_and_validate_reports_it_with_the_fixing_sql()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("whdrift", ct);
        await db.ExecuteAsync("CREATE SCHEMA sl__tfx; CREATE TABLE sl__tfx.clean_film (film_id text PRIMARY KEY)", ct);

        var drift = await Assert.ThrowsAsync<SchemaDriftException>(() => s_schema.DeployAsync(db.ConnectionString, ct));
        var validation = await s_schema.ValidateAsync(db.ConnectionString, ct);

        Assert.Contains(drift.Differences, d => d.Change == SchemaChange.Invalid);
        Assert.True(validation.HasInvalidChanges);
        Assert.False(string.IsNullOrWhiteSpace(validation.FixSql));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'dataplatform' AND table_name = 'batch'", ct));
        Assert.Equal("text", await db.ScalarAsync<string>(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'sl__tfx' AND table_name = 'clean_film' AND column_name = 'film_id'", ct));
    }
}
