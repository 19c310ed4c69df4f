using DataPlatform.Datakits.Chinook.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Chinook.Tests.Real;

/// <summary>
/// Issue #11 acceptance on the real Chinook dump (loaded with psql from <c>../shared/chinook/chinook.sql</c>): one batch
/// source → bronze → silver → gold quarantines nothing and gives exactly the figures of DESIGN.md §9, and every key of the
/// fact and the bridge joins its dimension.
/// </summary>
public sealed class RealChinookTests(PostgresServer server) : IAsyncLifetime
{
    private ChinookWarehouse _warehouse = null!;
    private PipelineResult _result = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await ChinookWarehouse.OverRealChinookAsync(server, "real_chinook", ct);
        _result = await _warehouse.RunAsync(ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    // One fact: the load is the expensive part, done once in InitializeAsync.
    [Fact]
    public async Task Real_chinook_gives_the_contract_figures_with_nothing_quarantined()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.All(_result.Tables, t => Assert.Equal(0, t.RowsQuarantined));
        Assert.All(_result.Tables.Where(t => t.Layer != "gold"), t => Assert.Equal(t.RowsRead, t.RowsWritten));
        Assert.Equal(0, await _warehouse.CountAsync("SELECT count(*) FROM dataplatform.quarantine", ct));

        Assert.Equal(59, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_customer WHERE is_current", ct));
        Assert.Equal(59, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_customer", ct));
        Assert.Equal(8, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_employee", ct));
        Assert.Equal(3503, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_track", ct));
        Assert.Equal(8715, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.bridge_playlist_track", ct));
        Assert.Equal(2240, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.fact_invoice_line", ct));
        Assert.Equal(2328.60m, await _warehouse.Warehouse.ScalarAsync<decimal>("SELECT sum(line_amount) FROM gl__chinook.fact_invoice_line", ct));
        Assert.Equal(1817, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_date", ct));
        Assert.Equal(
            "2021-01-01..2025-12-22",
            await _warehouse.Warehouse.ScalarAsync<string>("SELECT min(full_date)::text || '..' || max(full_date)::text FROM gl__chinook.dim_date", ct));

        // Every fact key joins its dimension (the foreign keys enforce it; this checks the values, not only the constraints).
        Assert.Equal(0, await _warehouse.CountAsync(
            """
            SELECT count(*) FROM gl__chinook.fact_invoice_line f
            LEFT JOIN gl__chinook.dim_date d ON d.date_key = f.invoice_date_key
            LEFT JOIN gl__chinook.dim_customer c ON c.customer_key = f.customer_key
                AND c.valid_from <= f.invoice_date AND (c.valid_to IS NULL OR c.valid_to > f.invoice_date)
            LEFT JOIN gl__chinook.dim_track t ON t.track_key = f.track_key
            LEFT JOIN gl__chinook.dim_employee e ON e.employee_key = f.support_rep_key
            WHERE d.date_key IS NULL OR c.customer_key IS NULL OR t.track_key IS NULL OR (f.support_rep_key IS NOT NULL AND e.employee_key IS NULL)
                OR e.employee_id IS DISTINCT FROM c.support_rep_employee_id
                OR d.full_date <> CAST(f.invoice_date AT TIME ZONE 'UTC' AS date)
            """, ct));
        Assert.Equal(0, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.fact_invoice_line WHERE support_rep_key IS NULL", ct));
        Assert.Equal(0, await _warehouse.CountAsync(
            "SELECT count(*) FROM gl__chinook.bridge_playlist_track b LEFT JOIN gl__chinook.dim_track t ON t.track_key = b.track_key WHERE t.track_key IS NULL", ct));

        // Timestamps without time zone are read as UTC: the source's wall-clock time is the UTC instant in silver and gold.
        const string SourceDates = "SELECT string_agg(invoice_id || '@' || invoice_date::text, ',' ORDER BY invoice_id) FROM public.invoice";
        Assert.Equal(
            await _warehouse.Source.ScalarAsync<string>(SourceDates, ct),
            await _warehouse.Warehouse.ScalarAsync<string>(
                "SELECT string_agg(invoice_id || '@' || (invoice_date AT TIME ZONE 'UTC')::text, ',' ORDER BY invoice_id) FROM sl__chinook.invoice", ct));
        Assert.Equal(0, await _warehouse.CountAsync(
            "SELECT count(*) FROM gl__chinook.fact_invoice_line f JOIN sl__chinook.invoice i USING (invoice_id) WHERE f.invoice_date <> i.invoice_date", ct));
    }
}
