using System.Text.Json;
using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Datakits.Pagila.Tests.Silver;

/// <summary>
/// Issue 12, item 6: silver reads only the bronze batches it has not applied. Each silver table's ledger row records how far
/// bronze was applied to it (and the table's file node); the next run reads the batches after that, plus the batches of the
/// table's open quarantine entries. A silver row removed by hand stands for bronze's history here: only a run that reads the
/// old batches again brings it back.
/// </summary>
public sealed class SilverIncrementalReadTests(PostgresServer server) : IAsyncLifetime
{
    private const string Pipeline = "pagila";

    private BronzeWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "silver_incr", ct);
        await using var silver = PagilaSilverContext.Create(_warehouse.Warehouse.ConnectionString);
        await new SchemaDeployer().DeployAsync(silver, _warehouse.Warehouse.ConnectionString, ct);
        await new PagilaSourceLoader(_warehouse.Source.DataSource).LoadAsync(new PagilaGenerator(new PagilaGeneratorOptions { Seed = 3, Scale = 0.02 }), ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task A_one_row_change_after_many_batches_reads_that_row_and_no_history()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await RunBatchAsync(ct);
        Assert.Equal(await _warehouse.BronzeCountAsync("payment"), await SilverReadAsync(first, "payment", ct));
        for (var i = 0; i < 6; i++)
        {
            await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = amount + 1 WHERE payment_id % 10 = {i}", ct);
            var batch = await RunBatchAsync(ct);
            Assert.True(await SilverReadAsync(batch, "payment", ct) > 0, "each batch changed payments");
        }

        var removed = await CountAsync("SELECT max(payment_id) FROM sl__pagila.payment WHERE payment_id % 10 = 8", ct);
        var changed = await CountAsync("SELECT max(payment_id) FROM sl__pagila.payment WHERE payment_id % 10 = 9", ct);
        await _warehouse.Warehouse.ExecuteAsync($"DELETE FROM sl__pagila.payment WHERE payment_id = {removed}", ct);
        await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = amount + 7 WHERE payment_id = {changed}", ct);
        var last = await RunBatchAsync(ct);

        Assert.Equal(1L, await SilverReadAsync(last, "payment", ct));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM sl__pagila.payment WHERE payment_id = {removed}", ct));
        Assert.Equal(last, await CountAsync($"SELECT source_batch_id FROM sl__pagila.payment WHERE payment_id = {changed}", ct));
        Assert.Equal(0L, await CountAsync($"SELECT coalesce(sum(rows_read), 0) FROM dataplatform.batch_table WHERE batch_id = {last} AND layer = 'silver' AND table_name <> 'sl__pagila.payment'", ct));
        var (before, after) = await WatermarksAsync(last, "payment", ct);
        Assert.Equal(last - 1, before.GetProperty("bronze_applied_through").GetInt64());
        Assert.Equal(last, after.GetProperty("bronze_applied_through").GetInt64());
        Assert.Equal(await FileNodeAsync("payment", ct), after.GetProperty("target_filenode").GetInt64());
    }

    [Fact]
    public async Task A_row_quarantined_batches_ago_is_read_again_and_applied_once_its_parent_arrives()
    {
        var ct = TestContext.Current.CancellationToken;
        await _warehouse.Source.ExecuteAsync(
            """
            INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id)
            VALUES (99999, now() - interval '2 days', 1, 99999, now() - interval '1 day', 0);
            INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)
            VALUES (99999, 99999, 0, 99999, 4.99, now() - interval '1 day');
            """,
            ct);
        var first = await RunBatchAsync(ct);
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM dataplatform.quarantine WHERE batch_id = {first} AND resolved_batch_id IS NULL", ct));
        for (var i = 0; i < 3; i++)
        {
            await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = amount + 1 WHERE payment_id % 10 = {i} AND payment_id <> 99999", ct);
            var batch = await RunBatchAsync(ct);
            Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM dataplatform.quarantine WHERE last_seen_batch_id = {batch} AND resolved_batch_id IS NULL", ct));
        }

        await _warehouse.Source.ExecuteAsync(
            """
            INSERT INTO customer (customer_id, store_id, first_name, last_name, email, address_id, active)
            VALUES (99999, 0, 'Late', 'Comer', 'late.comer@example.com', 1, 1);
            """,
            ct);
        var arrived = await RunBatchAsync(ct);

        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM dataplatform.quarantine WHERE batch_id = {first} AND resolved_batch_id = {arrived}", ct));
        Assert.Equal(first, await CountAsync("SELECT source_batch_id FROM sl__pagila.rental WHERE rental_id = 99999 AND customer_id = 99999", ct));
        Assert.Equal(first, await CountAsync("SELECT source_batch_id FROM sl__pagila.payment WHERE payment_id = 99999 AND rental_id = 99999", ct));
        Assert.Equal(1L, await SilverReadAsync(arrived, "rental", ct));
        Assert.Equal(1L, await SilverReadAsync(arrived, "payment", ct));
    }

    [Fact]
    public async Task A_truncated_table_or_a_void_watermark_gets_all_of_bronze_applied_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await RunBatchAsync(ct);
        await _warehouse.Source.ExecuteAsync("UPDATE payment SET amount = amount + 1 WHERE payment_id % 3 = 0", ct);
        await RunBatchAsync(ct);
        var payments = await CountAsync("SELECT count(*) FROM sl__pagila.payment", ct);
        var total = await CountAsync("SELECT sum(amount * 100)::bigint FROM sl__pagila.payment", ct);
        Assert.Equal(await CountAsync("SELECT sum(amount * 100)::bigint FROM public.payment", ct, _warehouse.Source), total);

        await _warehouse.Warehouse.ExecuteAsync("TRUNCATE sl__pagila.payment", ct);
        var truncated = await RunBatchAsync(ct);

        Assert.Equal(payments, await SilverReadAsync(truncated, "payment", ct));
        Assert.Equal(total, await CountAsync("SELECT sum(amount * 100)::bigint FROM sl__pagila.payment", ct));
        Assert.Equal(0L, await SilverReadAsync(truncated, "rental", ct));
        var (before, after) = await WatermarksAsync(truncated, "payment", ct);
        Assert.NotEqual(before.GetProperty("target_filenode").GetInt64(), after.GetProperty("target_filenode").GetInt64());

        // A ledger written before watermarks existed (or a watermark that does not parse) is void too.
        var removed = await CountAsync("SELECT max(payment_id) FROM sl__pagila.payment", ct);
        await _warehouse.Warehouse.ExecuteAsync(
            $"""
            DELETE FROM sl__pagila.payment WHERE payment_id = {removed};
            UPDATE dataplatform.batch_table SET watermark_after = NULL WHERE layer = 'silver' AND table_name = 'sl__pagila.payment';
            """,
            ct);
        var voided = await RunBatchAsync(ct);

        Assert.Equal(1L, await SilverReadAsync(voided, "payment", ct));
        Assert.Equal(payments, await CountAsync("SELECT count(*) FROM sl__pagila.payment", ct));
        Assert.Equal(total, await CountAsync("SELECT sum(amount * 100)::bigint FROM sl__pagila.payment", ct));
    }

    [Fact]
    public async Task After_a_run_whose_gold_failed_the_next_run_neither_skips_nor_reapplies_what_silver_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        var healthy = new PipelineDefinition(Pipeline, PagilaBronze.Layer, PagilaSilver.Layer);
        var failing = new PipelineDefinition(Pipeline, PagilaBronze.Layer, PagilaSilver.Layer, new FailingGold());
        var request = new PipelineRunRequest(_warehouse.Source.DataSource, _warehouse.Warehouse.DataSource);
        await new PipelineRunner(healthy).RunAsync(request, cancellationToken: ct);

        var (early, late) = (await CountAsync("SELECT min(payment_id) FROM public.payment", ct, _warehouse.Source), await CountAsync("SELECT max(payment_id) FROM public.payment", ct, _warehouse.Source));
        await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = 11.11 WHERE payment_id = {early}", ct);
        var error = await Assert.ThrowsAsync<PipelineFailedException>(() => new PipelineRunner(failing).RunAsync(request, cancellationToken: ct));
        Assert.Equal("failed", await _warehouse.Warehouse.ScalarAsync<string>($"SELECT status FROM dataplatform.batch WHERE batch_id = {error.BatchId}", ct));
        Assert.Equal(1L, await SilverReadAsync(error.BatchId, "payment", ct));

        await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = 22.22 WHERE payment_id = {late}", ct);
        var next = (await new PipelineRunner(healthy).RunAsync(request, cancellationToken: ct)).BatchId;

        Assert.Equal(1L, await SilverReadAsync(next, "payment", ct));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM sl__pagila.payment WHERE payment_id = {early} AND amount = 11.11 AND source_batch_id = {error.BatchId}", ct));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM sl__pagila.payment WHERE payment_id = {late} AND amount = 22.22 AND source_batch_id = {next}", ct));
        var (before, _) = await WatermarksAsync(next, "payment", ct);
        Assert.Equal(error.BatchId, before.GetProperty("bronze_applied_through").GetInt64());
    }

    [Fact]
    public async Task A_key_changed_in_two_batches_silver_has_not_applied_gets_only_its_latest_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await RunBatchAsync(ct);
        var id = await CountAsync("SELECT max(payment_id) FROM public.payment WHERE payment_id % 10 = 3", ct, _warehouse.Source);
        await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = 1.11 WHERE payment_id = {id}", ct);
        await using (var ledger = new BatchLedger(_warehouse.Warehouse.DataSource))
        {
            var bronzeOnly = await ledger.StartBatchAsync(Pipeline, ct);
            await _warehouse.ExtractAsync(bronzeOnly, ct: ct);
            await ledger.CompleteBatchAsync(bronzeOnly, ct);
        }

        await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = 2.22 WHERE payment_id = {id}", ct);
        var last = await RunBatchAsync(ct);

        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM br__pagila__public.payment WHERE payment_id = {id} AND dp_batch_id > {last} - 2", ct));
        Assert.Equal(1L, await SilverReadAsync(last, "payment", ct));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM sl__pagila.payment WHERE payment_id = {id} AND amount = 2.22 AND source_batch_id = {last}", ct));
    }

    [Fact]
    public async Task A_bronze_table_of_one_batch_is_read_without_the_newer_row_probe_and_one_of_two_batches_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var firstLog = new ListLoggerProvider();
        var first = await RunBatchAsync(ct, firstLog);
        Assert.DoesNotContain(NewerRowProbe, PaymentClassification(firstLog), StringComparison.Ordinal);
        Assert.Equal(await _warehouse.BronzeCountAsync("payment"), await CountAsync("SELECT count(*) FROM sl__pagila.payment", ct));

        var id = await CountAsync("SELECT max(payment_id) FROM public.payment", ct, _warehouse.Source);
        await _warehouse.Source.ExecuteAsync($"UPDATE payment SET amount = 3.33 WHERE payment_id = {id}", ct);
        var second = await RunBatchAsync(ct);
        // A void watermark makes the next run read all of bronze, which now holds two versions of the changed payment: the
        // probe must keep the newer one.
        await _warehouse.Warehouse.ExecuteAsync(
            $"""
            UPDATE sl__pagila.payment SET amount = 0, source_batch_id = {first} WHERE payment_id = {id};
            UPDATE dataplatform.batch_table SET watermark_after = NULL WHERE layer = 'silver' AND table_name = 'sl__pagila.payment';
            """,
            ct);
        using var lastLog = new ListLoggerProvider();
        await RunBatchAsync(ct, lastLog);

        Assert.Contains(NewerRowProbe, PaymentClassification(lastLog), StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM sl__pagila.payment WHERE payment_id = {id} AND amount = 3.33 AND source_batch_id = {second}", ct));
    }

    private const string NewerRowProbe = "p0.dp_batch_id > p.dp_batch_id";

    private static string PaymentClassification(ListLoggerProvider log) => Assert.Single(
        log.Messages, m => m.StartsWith("Transform silver_payment into dp_classified:", StringComparison.Ordinal));

    private async Task<long> RunBatchAsync(CancellationToken ct, ListLoggerProvider? log = null)
    {
        await using var ledger = new BatchLedger(_warehouse.Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync(Pipeline, ct);
        await _warehouse.ExtractAsync(batchId, ct: ct);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(log ?? new ListLoggerProvider()));
        await PagilaSilver.Layer.RunAsync(_warehouse.Warehouse.DataSource, batchId, DateTime.UtcNow, ledger, loggerFactory: loggerFactory, cancellationToken: ct);
        await ledger.CompleteBatchAsync(batchId, ct);
        return batchId;
    }

    private Task<long> SilverReadAsync(long batchId, string table, CancellationToken ct) => CountAsync(
        $"SELECT rows_read FROM dataplatform.batch_table WHERE batch_id = {batchId} AND layer = 'silver' AND table_name = 'sl__pagila.{table}'", ct);

    private async Task<(JsonElement Before, JsonElement After)> WatermarksAsync(long batchId, string table, CancellationToken ct)
    {
        var text = await _warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT json_build_array(watermark_before::json, watermark_after::json)::text FROM dataplatform.batch_table WHERE batch_id = {batchId} AND layer = 'silver' AND table_name = 'sl__pagila.{table}'",
            ct);
        using var document = JsonDocument.Parse(text);
        return (document.RootElement[0].Clone(), document.RootElement[1].Clone());
    }

    private Task<long> FileNodeAsync(string table, CancellationToken ct) =>
        CountAsync($"SELECT pg_relation_filenode('sl__pagila.{table}')::bigint", ct);

    private Task<long> CountAsync(string sql, CancellationToken ct, TestDatabase? database = null) => (database ?? _warehouse.Warehouse).ScalarAsync<long>(sql, ct);

    /// <summary>A gold layer that fails after silver committed.</summary>
    private sealed class FailingGold() : PipelineLayer("gold")
    {
        public override IReadOnlyList<Type> ContextTypes => [];

        public override Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("gold failed after silver committed");
    }
}
