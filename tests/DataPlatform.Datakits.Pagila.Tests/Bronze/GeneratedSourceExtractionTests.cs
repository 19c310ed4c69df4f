using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Bronze;

/// <summary>The bronze extractor against a generated (dirty) source in another database.</summary>
public sealed class GeneratedSourceExtractionTests(PostgresServer server)
{
    [Fact]
    public async Task Dirty_generated_source_lands_in_bronze_typed_with_bytea_and_documented_record_hashes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "br_generated", ct);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 9, Scale = 0.05, DirtyRate = 0.02 });
        await new PagilaSourceLoader(warehouse.Source.DataSource).LoadAsync(generator, ct);

        var run = await warehouse.RunAsync(layer: PagilaBronze.Layer.WithParallelism(3));

        foreach (var table in PagilaTables.All)
        {
            Assert.Equal(generator.RowCounts[table], await warehouse.BronzeCountAsync(table));
        }

        Assert.Equal(generator.Report.CountOf(DefectKind.NegativePaymentAmount), await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM {BronzeWarehouse.BronzeSchema}.payment WHERE amount < 0", ct));
        Assert.Equal(
            await warehouse.Source.ScalarAsync<string>("SELECT string_agg(encode(picture, 'hex'), ',' ORDER BY staff_id) FROM staff WHERE picture IS NOT NULL", ct),
            await warehouse.Warehouse.ScalarAsync<string>($"SELECT string_agg(encode(picture, 'hex'), ',' ORDER BY staff_id) FROM {BronzeWarehouse.BronzeSchema}.staff WHERE picture IS NOT NULL", ct));
        Assert.Equal(
            await warehouse.Source.ScalarAsync<string>("SELECT string_agg(film_id || ':' || rating::text || ':' || array_to_string(special_features, '|'), ',' ORDER BY film_id) FROM film", ct),
            await warehouse.Warehouse.ScalarAsync<string>($"SELECT string_agg(film_id || ':' || rating || ':' || array_to_string(special_features, '|'), ',' ORDER BY film_id) FROM {BronzeWarehouse.BronzeSchema}.film", ct));

        // dp_record_hash = XxHash128 over the source columns (ordinal name order) as binary COPY sends them: int32 length, value.
        await using (var command = warehouse.Warehouse.DataSource.CreateCommand(
            $"""
            SELECT '\x00000004'::bytea || int4send(actor_id) || '\x00000004'::bytea || int4send(film_id)
                   || '\x00000008'::bytea || timestamptz_send(last_update), dp_record_hash
            FROM {BronzeWarehouse.BronzeSchema}.film_actor
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            var rows = 0;
            while (await reader.ReadAsync(ct))
            {
                Assert.Equal(System.IO.Hashing.XxHash128.Hash(reader.GetFieldValue<byte[]>(0)), reader.GetFieldValue<byte[]>(1));
                rows++;
            }

            Assert.Equal(generator.RowCounts["film_actor"], rows);
        }

        Assert.Equal(await warehouse.BronzeCountAsync("film"), await warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(DISTINCT dp_record_hash) FROM {BronzeWarehouse.BronzeSchema}.film", ct));

        Assert.Equal(generator.RowCounts.Values.Sum(), run.RowsWritten);
    }
}
