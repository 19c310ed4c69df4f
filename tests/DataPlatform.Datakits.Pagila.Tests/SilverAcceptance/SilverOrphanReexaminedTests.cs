using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// Issue #5, "quarantine is re-examined on later runs", end to end on a database: a rental whose customer does not exist yet
/// (and its payment by that customer) is quarantined in the first source → bronze → silver batch; once the customer arrives in the source,
/// the next incremental batch applies customer, rental and payment, and quarantines nothing.
/// </summary>
public sealed class SilverOrphanReexaminedTests(PostgresServer server) : IAsyncLifetime
{
    private const int LateCustomer = 99_999;
    private const int OrphanRental = 99_999;

    private BronzeWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "silver_orphan", ct);
        await using var silver = PagilaSilverContext.Create(_warehouse.Warehouse.ConnectionString);
        await new SchemaDeployer().DeployAsync(silver, _warehouse.Warehouse.ConnectionString, ct);
        await new PagilaSourceLoader(_warehouse.Source.DataSource).LoadAsync(new PagilaGenerator(new PagilaGeneratorOptions { Seed = 3, Scale = 0.02 }), ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task An_orphan_rental_and_its_payment_are_applied_once_the_customer_arrives()
    {
        var ct = TestContext.Current.CancellationToken;
        await _warehouse.Source.ExecuteAsync(
            $"""
            INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id)
            VALUES ({OrphanRental}, now() - interval '2 days', 1, {LateCustomer}, now() - interval '1 day', 0);
            INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)
            VALUES (99999, {LateCustomer}, 0, {OrphanRental}, 4.99, now() - interval '1 day');
            """,
            ct);

        var first = await RunBatchAsync(ct);
        Assert.Equal(
            ["silver_payment 99999 orphan_customer_id", $"silver_rental {OrphanRental} orphan_customer_id"],
            await QuarantineAsync(first, ct));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM sl__pagila.rental WHERE rental_id = {OrphanRental}", ct));

        await _warehouse.Source.ExecuteAsync(
            $"""
            INSERT INTO customer (customer_id, store_id, first_name, last_name, email, address_id, active)
            VALUES ({LateCustomer}, 0, ' Late ', 'Comer', 'LATE.COMER@example.com', 1, 1);
            """,
            ct);
        var second = await RunBatchAsync(ct);

        Assert.Empty(await QuarantineAsync(second, ct));
        Assert.Equal(2L, await CountAsync($"SELECT count(*) FROM dataplatform.quarantine WHERE batch_id = {first} AND resolved_batch_id = {second}", ct));
        Assert.Equal(1L, await CountAsync(
            $"SELECT count(*) FROM sl__pagila.rental WHERE rental_id = {OrphanRental} AND customer_id = {LateCustomer} AND inactivated_date IS NULL", ct));
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM sl__pagila.payment WHERE payment_id = 99999 AND rental_id = {OrphanRental}", ct));
        Assert.Equal(1L, await CountAsync(
            $"SELECT count(*) FROM sl__pagila.customer WHERE customer_id = {LateCustomer} AND first_name = 'Late' AND email = 'late.comer@example.com'", ct));
        foreach (var table in new[] { "customer", "rental", "payment" })
        {
            Assert.Equal(
                "1 1 0",
                await _warehouse.Warehouse.ScalarAsync<string>(
                    $"""
                    SELECT rows_read || ' ' || rows_written || ' ' || rows_quarantined FROM dataplatform.batch_table
                    WHERE batch_id = {second} AND layer = 'silver' AND table_name LIKE '%{table}'
                    """,
                    ct));
        }
    }

    private async Task<long> RunBatchAsync(CancellationToken ct)
    {
        await using var ledger = new BatchLedger(_warehouse.Warehouse.DataSource);
        var batchId = await ledger.StartBatchAsync("pagila", ct);
        await _warehouse.ExtractAsync(batchId, ct: ct);
        await PagilaSilver.Layer.RunAsync(_warehouse.Warehouse.DataSource, batchId, DateTime.UtcNow, ledger, cancellationToken: ct);
        await ledger.CompleteBatchAsync(batchId, ct);
        return batchId;
    }

    private Task<long> CountAsync(string sql, CancellationToken ct) => _warehouse.Warehouse.ScalarAsync<long>(sql, ct);

    private async Task<List<string>> QuarantineAsync(long batchId, CancellationToken ct)
    {
        var text = await _warehouse.Warehouse.ScalarAsync<string?>(
            $"SELECT string_agg(transform || ' ' || row_key || ' ' || rule, ',' ORDER BY transform, row_key) FROM dataplatform.quarantine WHERE last_seen_batch_id = {batchId} AND resolved_batch_id IS NULL",
            ct);
        return text is null ? [] : [.. text.Split(',')];
    }
}
