using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Framework.Tests.Pipelines;

public sealed class PipelineRunnerTests(PostgresServer server) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _db = await server.CreateDatabaseAsync("runner", ct);
        await new WarehouseSchema(new PipelineDefinition("tfx", new TestLayer("silver", (_, _) => Recorded([])))).DeployAsync(_db.ConnectionString, ct);
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_run_executes_the_layers_in_order_in_one_batch_with_one_run_time_and_completes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var order = new List<string>();
        var bronze = new TestLayer("bronze", async (run, token) =>
        {
            order.Add("bronze");
            return [await RecordAsync(run, "bronze", "film", 10, token)];
        });
        var silver = new TestLayer("silver", async (run, token) =>
        {
            order.Add("silver");
            return [await RecordAsync(run, "silver", "film", 10, token), await RecordAsync(run, "silver", "language", 2, token)];
        });
        var progress = new RecordingProgress();

        var result = await new PipelineRunner(new PipelineDefinition("tfx", bronze, silver)).RunAsync(
            new PipelineRunRequest(_db.DataSource, _db.DataSource) { FullRefresh = true }, progress, ct);

        Assert.Equal(["bronze", "silver"], order);
        Assert.Equal(["bronze.film", "silver.film", "silver.language"], result.Tables.Select(t => $"{t.Layer}.{t.Table}"));
        Assert.Equal(["bronze", "silver"], result.LayerTimes.Keys.Order());
        var runs = bronze.Runs.Concat(silver.Runs).ToList();
        Assert.All(runs, r => Assert.Equal((result.BatchId, "tfx", true), (r.BatchId, r.Pipeline, r.FullRefresh)));
        Assert.Single(runs.Select(r => r.RunTime).Distinct());
        Assert.Equal(DateTimeKind.Utc, runs[0].RunTime.Kind);
        Assert.Equal(3, progress.Completed);
        Assert.Equal(BatchStatus.Succeeded, await StatusAsync(result.BatchId, ct));
        Assert.Equal(3L, await _db.ScalarAsync<long>($"SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = {result.BatchId}", ct));
    }

    [Fact]
    public async Task A_failing_layer_marks_the_batch_failed_and_the_later_layers_do_not_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var failing = new TestLayer("bronze", (_, _) => throw new InvalidOperationException("source table vanished"));
        var later = new TestLayer("silver", (_, _) => Recorded([]));

        var exception = await Assert.ThrowsAsync<PipelineFailedException>(() =>
            new PipelineRunner(new PipelineDefinition("tfx", failing, later)).RunAsync(new PipelineRunRequest(_db.DataSource, _db.DataSource), cancellationToken: ct));

        Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Empty(later.Runs);
        Assert.Equal(BatchStatus.Failed, await StatusAsync(exception.BatchId, ct));
        Assert.Contains("source table vanished", await _db.ScalarAsync<string>($"SELECT error FROM dataplatform.batch WHERE batch_id = {exception.BatchId}", ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_marks_the_batch_failed_and_rethrows_the_cancellation()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var layer = new TestLayer("bronze", async (_, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return [];
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PipelineRunner(new PipelineDefinition("tfx", layer)).RunAsync(new PipelineRunRequest(_db.DataSource, _db.DataSource), cancellationToken: cancellation.Token));

        Assert.Equal("cancelled", await _db.ScalarAsync<string>("SELECT error FROM dataplatform.batch ORDER BY batch_id DESC LIMIT 1", ct));
    }

    [Fact]
    public async Task A_batch_abandoned_by_a_killed_run_is_marked_failed_by_the_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        long abandoned;
        await using (var unpooled = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Pooling = false }.ConnectionString))
        {
            // Disposing the ledger closes the owner session, as a killed process would.
            await using var killed = new BatchLedger(unpooled);
            abandoned = await killed.StartBatchAsync("tfx", ct);
        }

        var result = await new PipelineRunner(new PipelineDefinition("tfx", new TestLayer("bronze", (_, _) => Recorded([]))))
            .RunAsync(new PipelineRunRequest(_db.DataSource, _db.DataSource), cancellationToken: ct);

        Assert.Equal(BatchStatus.Failed, await StatusAsync(abandoned, ct));
        Assert.Equal(BatchStatus.Succeeded, await StatusAsync(result.BatchId, ct));
    }

    [Fact]
    public async Task A_requested_batch_id_is_used_when_above_the_newest_and_refused_otherwise()
    {
        var ct = TestContext.Current.CancellationToken;
        var runner = new PipelineRunner(new PipelineDefinition("tfx", new TestLayer("bronze", (_, _) => Recorded([]))));

        var result = await runner.RunAsync(new PipelineRunRequest(_db.DataSource, _db.DataSource) { BatchId = 500 }, cancellationToken: ct);
        var next = await runner.RunAsync(new PipelineRunRequest(_db.DataSource, _db.DataSource), cancellationToken: ct);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            runner.RunAsync(new PipelineRunRequest(_db.DataSource, _db.DataSource) { BatchId = 300 }, cancellationToken: ct));

        Assert.Equal(500L, result.BatchId);
        Assert.Equal(501L, next.BatchId);
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT count(*) FROM dataplatform.batch", ct));
    }

    private static Task<IReadOnlyList<TableResult>> Recorded(IReadOnlyList<TableResult> tables) => Task.FromResult(tables);

    private static async Task<TableResult> RecordAsync(PipelineLayerRun run, string layer, string table, long rows, CancellationToken ct)
    {
        run.Progress.TableStarted(layer, table);
        var started = DateTime.UtcNow;
        await using (var connection = await run.Warehouse.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await run.Ledger.RecordTableAsync(
                run.BatchId,
                new BatchTableEntry { Layer = layer, TableName = table, RowsRead = rows, RowsWritten = rows, StartedAt = started, FinishedAt = DateTime.UtcNow },
                connection,
                transaction,
                ct);
            await transaction.CommitAsync(ct);
        }

        var result = new TableResult(layer, table, rows, rows, 0, DateTime.UtcNow - started);
        run.Progress.TableCompleted(result);
        return result;
    }

    private Task<string> StatusAsync(long batchId, CancellationToken ct) =>
        _db.ScalarAsync<string>($"SELECT status FROM dataplatform.batch WHERE batch_id = {batchId}", ct);

    private sealed class RecordingProgress : IPipelineProgress
    {
        private int _completed;

        public int Completed => _completed;

        public void Phase(string description)
        {
        }

        public void TableStarted(string layer, string table)
        {
        }

        public void TableCompleted(TableResult result) => Interlocked.Increment(ref _completed);
    }
}
