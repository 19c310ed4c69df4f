using DataPlatform.Testing;

namespace DataPlatform.Hosting.Tests;

/// <summary><c>--batch-id</c> must be above every batch id the warehouse already knows, and within the ledger identity's range.</summary>
public sealed class BatchIdTests(PostgresServer server)
{
    [Fact]
    public async Task A_batch_id_not_above_the_rows_already_stamped_or_beyond_the_identity_range_exits_1()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_batch_id", ct);
        var definition = HostRun.Definition();
        string[] Run(string id) => ["run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString, "--batch-id", id];

        var first = await HostRun.RunAsync(definition, Run("7"));

        // Rows of a bronze table carry batch 50, though the ledger's newest batch is 7 (e.g. ledger rows were deleted).
        await db.ExecuteAsync("CREATE SCHEMA br__x; CREATE TABLE br__x.item (id int, dp_batch_id bigint); INSERT INTO br__x.item VALUES (1, 50)", ct);
        var belowBronze = await HostRun.RunAsync(definition, Run("20"));
        var aboveBronze = await HostRun.RunAsync(definition, Run("51"));

        await db.ExecuteAsync("ALTER TABLE dataplatform.batch ALTER COLUMN batch_id SET MAXVALUE 1000", ct);
        var beyondRange = await HostRun.RunAsync(definition, Run("5000"));

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.True(belowBronze.ExitCode == ExitCodes.Error, belowBronze.ToString());
        Assert.Contains("br__x.item", belowBronze.Error, StringComparison.Ordinal);
        Assert.Contains("50", belowBronze.Error, StringComparison.Ordinal);
        Assert.True(aboveBronze.ExitCode == ExitCodes.Ok, aboveBronze.ToString());
        Assert.True(beyondRange.ExitCode == ExitCodes.Error, beyondRange.ToString());
        Assert.Contains("range", beyondRange.Error, StringComparison.Ordinal);
        var batchIds = await BatchIdsAsync(db, ct);
        Assert.Equal(new long[] { 7, 51 }, batchIds);
    }

    private static async Task<long[]> BatchIdsAsync(TestDatabase db, CancellationToken ct) =>
        (await db.ScalarAsync<long[]>("SELECT array_agg(batch_id ORDER BY batch_id) FROM dataplatform.batch", ct));
}
