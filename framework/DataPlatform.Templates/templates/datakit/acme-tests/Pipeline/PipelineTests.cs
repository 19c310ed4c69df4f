using Acme.Datakits.Source.Generation;
using Acme.Datakits.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Testing;

namespace Acme.Datakits.Tests.Pipeline;

/// <summary>
/// The acme pipeline against a real PostgreSQL: a synthetic source loaded through bronze, silver and gold as one batch. For
/// every rule or gold model you add, plant its bad rows in the generator and assert here where they end up.
/// </summary>
public sealed class PipelineTests(PostgresServer server)
{
    [Fact]
    public async Task A_clean_source_reaches_gold_row_for_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await AcmeWarehouse.CreateAsync(server, "acme_clean", ct);
        var generator = new AcmeGenerator(new SyntheticSourceOptions(Scale: 1, DirtyRate: 0, Seed: 7));
        await warehouse.LoadSourceAsync(generator, ct);

        var result = await warehouse.RunAsync(ct);

        var customers = generator.RowCounts["customer"];
        Assert.All(result.Tables, t => Assert.Equal((t.RowsRead, 0L), (t.RowsWritten, t.RowsQuarantined)));
        Assert.Equal(customers, await warehouse.CountAsync("SELECT count(*) FROM sl__acme.customer", ct));
        Assert.Equal(customers, await warehouse.CountAsync("SELECT count(*) FROM gl__acme.dim_customer", ct));
        Assert.Equal(0, await warehouse.CountAsync("SELECT count(*) FROM gl__acme.dim_customer WHERE email IS NULL", ct));
        Assert.Equal(0, await warehouse.CountAsync("SELECT count(*) FROM dataplatform.quarantine", ct));
    }

    [Fact]
    public async Task Blank_names_are_quarantined_and_malformed_emails_cleaned()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await AcmeWarehouse.CreateAsync(server, "acme_dirty", ct);
        var generator = new AcmeGenerator(new SyntheticSourceOptions(Scale: 1, DirtyRate: 0.02, Seed: 7));
        await warehouse.LoadSourceAsync(generator, ct);
        var customers = generator.RowCounts["customer"];
        var blank = generator.Report.CountOf("customer", "name", AcmeDefectKind.BlankName);
        var malformed = generator.Report.CountOf("customer", "email", AcmeDefectKind.MalformedEmail);
        Assert.True(blank > 0 && malformed > 0, "the generator planted both kinds");

        var result = await warehouse.RunAsync(ct);

        Assert.Equal(blank, result.Tables.Single(t => t.Layer == "silver").RowsQuarantined);
        Assert.Equal(blank, await warehouse.CountAsync(
            "SELECT count(*) FROM dataplatform.quarantine WHERE transform = 'silver_customer' AND rule = 'blank_name'", ct));
        Assert.Equal(customers - blank, await warehouse.CountAsync("SELECT count(*) FROM sl__acme.customer", ct));
        Assert.Equal(malformed, await warehouse.CountAsync("SELECT count(*) FROM sl__acme.customer WHERE email IS NULL", ct));
        Assert.Equal(customers - blank, await warehouse.CountAsync("SELECT count(*) FROM gl__acme.dim_customer", ct));
    }

    [Fact]
    public async Task A_changed_source_row_is_extracted_again_and_updates_gold()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await AcmeWarehouse.CreateAsync(server, "acme_change", ct);
        var generator = new AcmeGenerator(new SyntheticSourceOptions(Scale: 1, DirtyRate: 0, Seed: 7));
        await warehouse.LoadSourceAsync(generator, ct);
        await warehouse.RunAsync(ct);

        await warehouse.Source.ExecuteAsync(
            "UPDATE SOURCE_SCHEMA.customer SET name = 'Renamed', updated_at = now() WHERE customer_id = 42", ct);
        await warehouse.RunAsync(ct);

        var customers = generator.RowCounts["customer"];
        Assert.Equal(customers + 1, await warehouse.CountAsync("SELECT count(*) FROM br__acme__SOURCE_SCHEMA.customer", ct));
        Assert.Equal(customers, await warehouse.CountAsync("SELECT count(*) FROM gl__acme.dim_customer", ct));
        Assert.Equal(1, await warehouse.CountAsync(
            "SELECT count(*) FROM gl__acme.dim_customer WHERE customer_id = 42 AND name = 'Renamed'", ct));
    }
}
