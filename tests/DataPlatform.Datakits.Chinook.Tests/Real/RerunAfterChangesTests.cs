using DataPlatform.Datakits.Chinook.Tests.Support;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Chinook.Tests.Real;

/// <summary>
/// Issue #11 "plain rerun after changes" on the real Chinook dump: after a first run, the source changes 5 customers' e-mails,
/// moves 2 customers to another support rep, renames 1 support rep, deletes 1 customer with its invoices and lines, adds 1
/// invoice with 2 lines, renames 1 artist and removes 1 playlist/track pair. A plain rerun (no full refresh) reflects each
/// change in gold and writes one history row per changed silver customer and employee; a third, unchanged run writes
/// nothing, checked on the rows themselves (count, ctid and xmin of every bronze, silver, history and gold table).
/// </summary>
public sealed class RerunAfterChangesTests(PostgresServer server) : IAsyncLifetime
{
    private const int RenamedRep = 5;
    private const int ArtistId = 1;

    private ChinookWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync() =>
        _warehouse = await ChinookWarehouse.OverRealChinookAsync(server, "chinook_rerun", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task A_plain_rerun_reflects_every_change_and_a_third_unchanged_run_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _warehouse.RunAsync(ct);
        Assert.Equal(59, await _warehouse.CountAsync("SELECT count(*) FROM sl__chinook.customer__history WHERE operation_type = 'INSERT'", ct));
        Assert.Equal(8, await _warehouse.CountAsync("SELECT count(*) FROM sl__chinook.employee__history WHERE operation_type = 'INSERT'", ct));

        // The customers each change touches, picked from the source so they do not overlap.
        var moved = await IdsAsync("SELECT customer_id FROM customer WHERE support_rep_id = 3 ORDER BY customer_id LIMIT 2", ct);
        var deleted = int.Parse((await IdsAsync("SELECT max(customer_id) FROM customer WHERE support_rep_id = 3", ct)).Single(), System.Globalization.CultureInfo.InvariantCulture);
        var emails = await IdsAsync("SELECT customer_id FROM customer WHERE support_rep_id = 4 ORDER BY customer_id LIMIT 5", ct);
        var ofRenamedRep = await IdsAsync($"SELECT customer_id FROM customer WHERE support_rep_id = {RenamedRep} ORDER BY customer_id", ct);
        Assert.True(ofRenamedRep.Count > 0, "employee 5 is a support rep");
        var survivor = await IdsAsync($"SELECT customer_id FROM customer WHERE support_rep_id = 4 ORDER BY customer_id DESC LIMIT 1", ct);
        var deletedLines = await _warehouse.Source.ScalarAsync<long>(
            $"SELECT count(*) FROM invoice_line l JOIN invoice i USING (invoice_id) WHERE i.customer_id = {deleted}", ct);
        var pair = await IdsAsync("SELECT playlist_id || ',' || track_id FROM playlist_track ORDER BY playlist_id, track_id LIMIT 1", ct);
        var (playlistId, trackId) = (pair[0].Split(',')[0], pair[0].Split(',')[1]);

        await _warehouse.Source.ExecuteAsync(
            $"""
            UPDATE customer SET email = 'changed.' || customer_id || '@example.com' WHERE customer_id IN ({string.Join(",", emails)});
            UPDATE customer SET support_rep_id = 4 WHERE customer_id IN ({string.Join(",", moved)});
            UPDATE employee SET first_name = 'Stephen' WHERE employee_id = {RenamedRep};
            DELETE FROM invoice_line WHERE invoice_id IN (SELECT invoice_id FROM invoice WHERE customer_id = {deleted});
            DELETE FROM invoice WHERE customer_id = {deleted};
            DELETE FROM customer WHERE customer_id = {deleted};
            INSERT INTO invoice (invoice_id, customer_id, invoice_date, billing_country, total)
                VALUES (9001, {survivor[0]}, '2025-06-15 10:30:00', 'Norway', 2.97);
            INSERT INTO invoice_line (invoice_line_id, invoice_id, track_id, unit_price, quantity)
                VALUES (9001, 9001, 1, 0.99, 1), (9002, 9001, 2, 0.99, 2);
            UPDATE artist SET name = 'AC/DC (Remastered)' WHERE artist_id = {ArtistId};
            DELETE FROM playlist_track WHERE playlist_id = {playlistId} AND track_id = {trackId};
            """, ct);

        var second = await _warehouse.RunAsync(ct);
        Assert.All(second.Tables, t => Assert.Equal(0, t.RowsQuarantined));

        // SCD2: a new version for exactly the live customers whose attributes changed, valid from the second batch's run time.
        var changed = emails.Concat(moved).Concat(ofRenamedRep).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(changed, await ListAsync(
            "SELECT customer_id::text FROM gl__chinook.dim_customer GROUP BY customer_id HAVING count(*) = 2 AND count(*) FILTER (WHERE is_current) = 1 ORDER BY 1", ct));
        Assert.Equal(0, await _warehouse.CountAsync("SELECT count(*) FROM (SELECT customer_id FROM gl__chinook.dim_customer GROUP BY customer_id HAVING count(*) > 2) x", ct));
        Assert.Equal(58, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_customer WHERE is_current", ct));
        Assert.Equal(ofRenamedRep.Count, await _warehouse.CountAsync(
            "SELECT count(*) FROM gl__chinook.dim_customer WHERE is_current AND support_rep_full_name = 'Stephen Johnson'", ct));
        Assert.Equal(2, await _warehouse.CountAsync(
            $"SELECT count(*) FROM gl__chinook.dim_customer WHERE is_current AND support_rep_employee_id = 4 AND customer_id IN ({string.Join(",", moved)})", ct));

        // The deleted customer's version is closed, with no successor.
        Assert.Equal("1 closed, 0 current", await _warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT count(*) FILTER (WHERE valid_to IS NOT NULL) || ' closed, ' || count(*) FILTER (WHERE is_current) || ' current' FROM gl__chinook.dim_customer WHERE customer_id = {deleted}", ct));

        // Facts: the deleted customer's lines are gone, the two new lines are in, with the customer version valid at the invoice date.
        Assert.Equal(2240 - deletedLines + 2, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.fact_invoice_line", ct));
        Assert.Equal("9001:20250615:0.99,9002:20250615:1.98", await _warehouse.Warehouse.ScalarAsync<string>(
            """
            SELECT string_agg(f.invoice_line_id || ':' || f.invoice_date_key || ':' || f.line_amount, ',' ORDER BY f.invoice_line_id)
            FROM gl__chinook.fact_invoice_line f JOIN gl__chinook.dim_customer c ON c.customer_key = f.customer_key
            WHERE f.invoice_id = 9001 AND c.valid_from <= f.invoice_date AND (c.valid_to IS NULL OR c.valid_to > f.invoice_date)
            """, ct));
        Assert.Equal(0, await _warehouse.CountAsync(
            $"SELECT count(*) FROM gl__chinook.fact_invoice_line f JOIN gl__chinook.dim_customer c ON c.customer_key = f.customer_key WHERE c.customer_id = {deleted}", ct));

        // The renamed artist in dim_track; the removed pair gone from the bridge.
        Assert.Equal(0, await _warehouse.CountAsync(
            $"SELECT count(*) FROM gl__chinook.dim_track t JOIN sl__chinook.album a USING (album_id) WHERE a.artist_id = {ArtistId} AND t.artist_name IS DISTINCT FROM 'AC/DC (Remastered)'", ct));
        Assert.True(await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.dim_track WHERE artist_name = 'AC/DC (Remastered)'", ct) > 0);
        Assert.Equal(8714, await _warehouse.CountAsync("SELECT count(*) FROM gl__chinook.bridge_playlist_track", ct));
        Assert.Equal(0, await _warehouse.CountAsync(
            $"SELECT count(*) FROM gl__chinook.bridge_playlist_track b JOIN gl__chinook.dim_track t USING (track_key) WHERE b.playlist_id = {playlistId} AND t.track_id = {trackId}", ct));

        // History: one UPDATE row per changed silver customer (e-mail, rep, the soft delete) and employee (the rename); the
        // customers of the renamed rep did not change in silver.
        var historyCustomers = emails.Concat(moved).Append(deleted.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(historyCustomers, await ListAsync(
            "SELECT customer_id::text FROM sl__chinook.customer__history WHERE operation_type = 'UPDATE' GROUP BY customer_id HAVING count(*) = 1 ORDER BY 1", ct));
        Assert.Equal(historyCustomers.Count, await _warehouse.CountAsync("SELECT count(*) FROM sl__chinook.customer__history WHERE operation_type = 'UPDATE'", ct));
        Assert.Equal($"{RenamedRep}:Stephen", await _warehouse.Warehouse.ScalarAsync<string>(
            "SELECT string_agg(employee_id || ':' || first_name, ',') FROM sl__chinook.employee__history WHERE operation_type = 'UPDATE'", ct));

        // A third run over the unchanged source writes nothing: no table's rows moved.
        var before = await PhysicalState.TakeAsync(_warehouse.Warehouse, ct);
        var third = await _warehouse.RunAsync(ct);
        Assert.Empty(PhysicalState.Changed(before, await PhysicalState.TakeAsync(_warehouse.Warehouse, ct)));
        Assert.Equal([first.BatchId, second.BatchId, third.BatchId], (await ListAsync("SELECT batch_id FROM dataplatform.batch WHERE status = 'succeeded' ORDER BY 1", ct)).Select(long.Parse));
    }

    private Task<List<string>> IdsAsync(string sql, CancellationToken ct) => PhysicalState.ListAsync(_warehouse.Source, sql, ct);

    private Task<List<string>> ListAsync(string sql, CancellationToken ct) => PhysicalState.ListAsync(_warehouse.Warehouse, sql, ct);
}
