using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Ledger;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Bronze;

/// <summary>
/// Bronze has no key and only a BRIN index on the batch id: a row is identified by (source key, batch id), and the versions
/// of a row are ordered by batch id. The extractor keeps that true by refusing a batch that is not newer than the table's last extraction.
/// </summary>
public sealed class BronzeBatchOrderTests(PostgresServer server)
{
    [Fact]
    public async Task Bronze_tables_have_only_a_batch_id_brin_index_and_an_older_or_repeated_batch_is_refused_without_writing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "br_order", ct);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 3, Scale = 0.02 });
        await new PagilaSourceLoader(warehouse.Source.DataSource).LoadAsync(generator, ct);

        Assert.Equal(
            $"{PagilaTables.All.Count} brin (dp_batch_id)",
            await warehouse.Warehouse.ScalarAsync<string>(
                $"""
                SELECT count(*) || ' ' || string_agg(DISTINCT substring(indexdef FROM 'USING (.*)$'), ',')
                FROM pg_indexes WHERE schemaname = '{BronzeWarehouse.BronzeSchema}'
                """,
                ct));

        await using var ledger = new BatchLedger(warehouse.Warehouse.DataSource);
        var older = await ledger.StartBatchAsync("pagila", ct);
        var newer = await ledger.StartBatchAsync("pagila", ct);
        await warehouse.ExtractAsync(newer, ct: ct);
        var counts = await warehouse.BronzeCountsAsync();

        foreach (var (batch, fullRefresh) in new[] { (older, false), (newer, false), (newer, true) })
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => warehouse.ExtractAsync(batch, fullRefresh, PagilaBronze.Layer.Only("rental"), ct));
            Assert.Contains($"{BronzeWarehouse.BronzeSchema}.rental was already extracted by batch {newer}", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(counts, await warehouse.BronzeCountsAsync());
        Assert.Equal(0L, await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT rental_id, dp_batch_id FROM {BronzeWarehouse.BronzeSchema}.rental GROUP BY 1, 2 HAVING count(*) > 1) d", ct));
    }
}
