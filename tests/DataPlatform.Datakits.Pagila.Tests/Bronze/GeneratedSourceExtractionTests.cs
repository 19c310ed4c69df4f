using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Loading;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Tests.Bronze;

/// <summary>The bronze extractor against a generated (dirty) source in another database.</summary>
public sealed class GeneratedSourceExtractionTests(PostgresServer server)
{
    [Fact]
    public async Task Dirty_generated_source_lands_in_bronze_typed_with_bytea_and_loader_compatible_hashes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "br_generated", ct);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 9, Scale = 0.05, DirtyRate = 0.02 });
        await new PagilaSourceLoader(warehouse.Source.DataSource).LoadAsync(generator, ct);

        var run = await warehouse.RunAsync(new PagilaBronzeOptions { MaxDegreeOfParallelism = 3 });

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

        // The extractor hashes exactly what RecordHash computes for the bronze entity (the loader's function).
        await using var context = PagilaBronzeContext.Create(warehouse.Warehouse.ConnectionString);
        foreach (var film in await context.Films.Take(50).ToListAsync(ct))
        {
            Assert.Equal(film.DpRecordHash, RecordHash.Compute(context.Model, film));
        }

        foreach (var staff in await context.Staff.OrderBy(s => s.StaffId).Take(200).ToListAsync(ct))
        {
            Assert.Equal(staff.DpRecordHash, RecordHash.Compute(context.Model, staff));
        }

        Assert.Equal(generator.RowCounts.Values.Sum(), run.RowsWritten);
    }
}
