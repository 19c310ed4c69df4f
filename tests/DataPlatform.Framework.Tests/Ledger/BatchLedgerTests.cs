using DataPlatform.Framework.Internal.Ledger;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Schema;
using DataPlatform.Framework.Tests.Loading;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Ledger;

public sealed class BatchLedgerTests(PostgresServer server) : IAsyncLifetime
{
    private LoadingDatabase _db = null!;
    private BatchLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await LoadingDatabase.CreateAsync(server, "ledger", TestContext.Current.CancellationToken);
        _ledger = new BatchLedger(_db.Database.DataSource);
        await _ledger.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        await _ledger.EnsureSchemaAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _ledger.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Ledger_rows_commit_with_the_data_they_describe()
    {
        var ct = TestContext.Current.CancellationToken;
        var batchId = await _ledger.StartBatchAsync("pagila", ct);
        Assert.Equal("running", await _db.ScalarAsync<string>($"SELECT status FROM dataplatform.batch WHERE batch_id = {batchId}"));

        var started = DateTime.UtcNow;
        await using (var connection = await _db.Database.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var result = await _db.Loader.LoadAsync(
                TestRows.Films(25), new BulkLoadOptions { BatchId = batchId, Connection = connection, Transaction = transaction }, ct);
            await _ledger.RecordTableAsync(
                batchId,
                new BatchTableEntry
                {
                    Layer = "silver", TableName = result.Table, RowsRead = result.RowsRead, RowsWritten = result.RowsInserted,
                    WatermarkAfter = "{\"last_update\":\"2024-01-02\"}", StartedAt = started, FinishedAt = started.AddSeconds(1.5),
                },
                connection,
                transaction,
                ct);
            await transaction.CommitAsync(ct);
        }

        await _ledger.CompleteBatchAsync(batchId, ct);

        Assert.Equal(25L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
        Assert.Equal(25L, await _db.ScalarAsync<long>(
            $"SELECT rows_written FROM dataplatform.batch_table WHERE batch_id = {batchId} AND table_name = 'sl__load.film' AND rows_read = 25 AND seconds = 1.5"));
        var batch = Assert.Single(await _ledger.GetRecentBatchesAsync(5, "pagila", ct));
        Assert.Equal((batchId, BatchStatus.Succeeded), (batch.BatchId, batch.Status));
        Assert.NotNull(batch.FinishedAt);
        var table = Assert.Single(batch.Tables);
        Assert.Equal(("silver", 25L, 0L), (table.Layer, table.RowsWritten, table.RowsQuarantined));
        Assert.Equal("{\"last_update\":\"2024-01-02\"}", await _ledger.GetLastWatermarkAsync("pagila", "silver", "sl__load.film", ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _ledger.CompleteBatchAsync(batchId, ct));
    }

    [Fact]
    public async Task An_injected_failure_leaves_neither_data_nor_ledger_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await _db.ExecuteAsync("TRUNCATE sl__load.film");
        var batchId = await _ledger.StartBatchAsync("failing", ct);
        var started = DateTime.UtcNow;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var connection = await _db.Database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var result = await _db.Loader.LoadAsync(
                TestRows.Films(10), new BulkLoadOptions { BatchId = batchId, Connection = connection, Transaction = transaction }, ct);
            await _ledger.RecordTableAsync(
                batchId,
                new BatchTableEntry { Layer = "silver", TableName = result.Table, RowsRead = 10, RowsWritten = 10, WatermarkAfter = "w1", StartedAt = started, FinishedAt = DateTime.UtcNow },
                connection,
                transaction,
                ct);
            throw new InvalidOperationException("injected failure before commit");
        });
        await _ledger.FailBatchAsync(batchId, "injected failure before commit", ct);

        // A bad row fails the load itself: the ledger row written earlier in the same transaction goes too.
        await using (var connection = await _db.Database.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await _ledger.RecordTableAsync(
                batchId,
                new BatchTableEntry { Layer = "silver", TableName = "sl__load.film", StartedAt = started, FinishedAt = started },
                connection,
                transaction,
                ct);
            var rows = TestRows.Films(3);
            rows[1].Title = new string('y', 50);
            await Assert.ThrowsAsync<BulkLoadException>(() =>
                _db.Loader.LoadAsync(rows, new BulkLoadOptions { BatchId = batchId, Connection = connection, Transaction = transaction }, ct));
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM sl__load.film"));
        Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = {batchId}"));
        var batch = (await _ledger.GetRecentBatchesAsync(10, "failing", ct)).Single();
        Assert.Equal(BatchStatus.Failed, batch.Status);
        Assert.Equal("injected failure before commit", batch.Error);
        Assert.Empty(batch.Tables);
        Assert.Null(await _ledger.GetLastWatermarkAsync("failing", "silver", "sl__load.film", ct));
    }

    [Fact]
    public async Task Watermark_comes_from_the_last_succeeded_batch_only()
    {
        var ct = TestContext.Current.CancellationToken;
        async Task RunAsync(string watermark, bool succeed)
        {
            var id = await _ledger.StartBatchAsync("wm", ct);
            await using (var connection = await _db.Database.OpenConnectionAsync(ct))
            {
                await _ledger.RecordTableAsync(
                    id,
                    new BatchTableEntry { Layer = "bronze", TableName = "br.film", WatermarkAfter = watermark, StartedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow },
                    connection,
                    null,
                    ct);
            }

            await (succeed ? _ledger.CompleteBatchAsync(id, ct) : _ledger.FailBatchAsync(id, "boom", ct));
        }

        Assert.Null(await _ledger.GetLastWatermarkAsync("wm", "bronze", "br.film", ct));
        await RunAsync("1", succeed: true);
        await RunAsync("2", succeed: true);
        await RunAsync("3", succeed: false);
        Assert.Equal("2", await _ledger.GetLastWatermarkAsync("wm", "bronze", "br.film", ct));
        Assert.Null(await _ledger.GetLastWatermarkAsync("wm", "silver", "br.film", ct));
    }

    [Fact]
    public async Task Abandoned_batches_are_marked_failed_and_live_ones_are_left_running()
    {
        var ct = TestContext.Current.CancellationToken;
        long abandoned;
        await using (var killedProcess = new BatchLedger(_db.Database.DataSource))
        {
            abandoned = await killedProcess.StartBatchAsync("abandon", ct);
        }

        var live = await _ledger.StartBatchAsync("abandon", ct);

        var marked = await _ledger.MarkAbandonedBatchesFailedAsync(ct);

        Assert.Contains(abandoned, marked);
        Assert.DoesNotContain(live, marked);
        Assert.Equal("failed", await _db.ScalarAsync<string>($"SELECT status FROM dataplatform.batch WHERE batch_id = {abandoned}"));
        Assert.Equal("running", await _db.ScalarAsync<string>($"SELECT status FROM dataplatform.batch WHERE batch_id = {live}"));
        await _ledger.CompleteBatchAsync(live, ct);
        Assert.DoesNotContain(live, await _ledger.MarkAbandonedBatchesFailedAsync(ct));
    }

    [Fact]
    public async Task Hand_written_ledger_ddl_matches_the_LedgerContext_model()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = LedgerContext.Create(_db.Database.ConnectionString);
        var deployer = new SchemaDeployer();

        // Deploying the model over EnsureSchemaAsync's tables adds only the deployer's own helpers, never a ledger table change.
        var deployed = await deployer.DeployAsync(context, _db.Database.ConnectionString, ct);
        Assert.DoesNotContain(deployed.Applied, d => d.ObjectName.Contains("batch", StringComparison.Ordinal));
        var validation = await deployer.ValidateAsync(context, _db.Database.ConnectionString, ct);
        Assert.True(validation.IsValid, validation.FixSql);
    }
}
