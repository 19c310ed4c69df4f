using DataPlatform.Framework.TestData;
using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// Issue #5 acceptance on a synthetic source at dirty-rate 0.02 (scale 1): source → bronze → silver in one ledger batch; the
/// quarantine holds exactly the planted bad rows per table and rule (plus their dependants as <c>parent_quarantined</c>,
/// which the generator does not plant), malformed e-mails are cleaned to NULL, every row lands in exactly one place, and
/// the ledger says rows read = rows written + rows quarantined for every silver table.
/// </summary>
public sealed class SilverDirtySourceTests(PostgresServer server) : IAsyncLifetime
{
    private const string Email = @"^[^@ ]+@[^@ ]+\.[^@ .]+$";

    private BronzeWarehouse _warehouse = null!;
    private PagilaGenerator _generator = null!;
    private long _batchId;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "silver_dirty", ct);
        await using (var silver = PagilaSilverContext.Create(_warehouse.Warehouse.ConnectionString))
        {
            await new SchemaDeployer().DeployAsync(silver, _warehouse.Warehouse.ConnectionString, ct);
        }

        _generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 7, Scale = 1, DirtyRate = 0.02 });
        await new PagilaSourceLoader(_warehouse.Source.DataSource).LoadAsync(_generator, ct);

        await using var ledger = new BatchLedger(_warehouse.Warehouse.DataSource);
        _batchId = await ledger.StartBatchAsync("pagila", ct);
        await _warehouse.ExtractAsync(_batchId, ct: ct);
        await PagilaSilver.Layer.RunAsync(_warehouse.Warehouse.DataSource, _batchId, DateTime.UtcNow, ledger, cancellationToken: ct);
        await ledger.CompleteBatchAsync(_batchId, ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    /// <summary>The silver rule a planted defect must trigger; null for defects silver cleans instead of quarantining.</summary>
    internal static string? RuleFor(PlantedDefect<DefectKind> defect) => defect.Kind switch
    {
        DefectKind.BlankRequiredName => defect.Table == PagilaTables.Film ? "blank_title" : "blank_name",
        DefectKind.OrphanReference => "orphan_" + defect.Column,
        DefectKind.NegativePaymentAmount => "negative_amount",
        DefectKind.ReturnBeforeRental => "return_before_rental",
        DefectKind.MalformedEmail => null,
        _ => throw new ArgumentOutOfRangeException(nameof(defect), defect.Kind, "unknown defect kind"),
    };

    // One fact: the scale-1 source → bronze → silver run is the expensive part, done once in InitializeAsync.
    [Fact]
    public async Task Dirty_source_quarantines_exactly_the_planted_rows_and_the_ledger_balances()
    {
        var ct = TestContext.Current.CancellationToken;
        await Quarantined_counts_per_rule_equal_the_planted_bad_rows(ct);
        await Every_parent_quarantined_row_has_a_parent_in_bronze_that_is_missing_from_silver(ct);
        await Malformed_emails_are_cleaned_to_null_not_quarantined(ct);
        await Ledger_rows_read_equal_rows_written_plus_quarantined_and_every_row_lands_in_one_place(ct);
    }

    private async Task Quarantined_counts_per_rule_equal_the_planted_bad_rows(CancellationToken ct)
    {
        var expected = _generator.Report.Defects
            .Where(d => RuleFor(d) is not null)
            .GroupBy(d => $"{d.Table} {RuleFor(d)}")
            .ToDictionary(g => g.Key, g => (long)g.Sum(d => d.Count));
        Assert.True(expected.Count >= 25, "the generator planted every hard-rule kind");

        var quarantined = await CountsAsync(
            $"SELECT substring(transform FROM 8) || ' ' || rule, count(*) FROM dataplatform.quarantine WHERE batch_id = {_batchId} GROUP BY 1", ct);
        var planted = quarantined.Where(q => !q.Key.EndsWith(" parent_quarantined", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), planted.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.True(quarantined.Keys.Count(k => k.EndsWith(" parent_quarantined", StringComparison.Ordinal)) >= 5, "dependants of bad rows are quarantined too");
    }

    private async Task Every_parent_quarantined_row_has_a_parent_in_bronze_that_is_missing_from_silver(CancellationToken ct)
    {
        Assert.Equal(0L, await _warehouse.Warehouse.ScalarAsync<long>(
            $"""
            SELECT count(*) FROM dataplatform.quarantine q
            JOIN br__pagila__public.rental b ON q.row_key = b.rental_id::text
            WHERE q.transform = 'silver_rental' AND q.rule = 'parent_quarantined' AND q.batch_id = {_batchId}
              AND EXISTS (SELECT 1 FROM sl__pagila.inventory p WHERE p.inventory_id = b.inventory_id)
              AND EXISTS (SELECT 1 FROM sl__pagila.customer p WHERE p.customer_id = b.customer_id)
              AND EXISTS (SELECT 1 FROM sl__pagila.staff p WHERE p.staff_id = b.staff_id)
            """,
            ct));
        Assert.True(await _warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM dataplatform.quarantine WHERE transform = 'silver_rental' AND rule = 'parent_quarantined' AND batch_id = {_batchId}", ct) > 0);
    }

    private async Task Malformed_emails_are_cleaned_to_null_not_quarantined(CancellationToken ct)
    {
        foreach (var (table, key) in new[] { (PagilaTables.Customer, "customer_id"), (PagilaTables.Staff, "staff_id") })
        {
            var cleaned = await _warehouse.Warehouse.ScalarAsync<long>(
                $"""
                SELECT count(*) FROM br__pagila__public.{table} b JOIN sl__pagila.{table} s USING ({key})
                WHERE b.email IS NOT NULL AND s.email IS NULL
                """,
                ct);
            var dependants = await _warehouse.Warehouse.ScalarAsync<long>(
                $"""
                SELECT count(*) FROM dataplatform.quarantine q JOIN br__pagila__public.{table} b ON q.row_key = b.{key}::text
                WHERE q.transform = 'silver_{table}' AND q.batch_id = {_batchId} AND b.email !~ '{Email}'
                """,
                ct);
            Assert.Equal(_generator.Report.CountOf(table, "email", DefectKind.MalformedEmail), cleaned + dependants);
            Assert.True(cleaned > 0, $"{table}: malformed e-mails reach silver as NULL");
        }
    }

    private async Task Ledger_rows_read_equal_rows_written_plus_quarantined_and_every_row_lands_in_one_place(CancellationToken ct)
    {
        var ledger = new Dictionary<string, (long Read, long Written, long Quarantined)>(StringComparer.Ordinal);
        await using (var connection = await _warehouse.Warehouse.OpenConnectionAsync(ct))
        await using (var command = new NpgsqlCommand(
            $"SELECT table_name, rows_read, rows_written, rows_quarantined FROM dataplatform.batch_table WHERE batch_id = {_batchId} AND layer = 'silver'",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var table = reader.GetString(0);
                ledger[table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..]] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }

        Assert.Equal(PagilaSilver.Layer.Tables.Order(StringComparer.Ordinal), ledger.Keys.Order(StringComparer.Ordinal));
        foreach (var table in PagilaSilver.Layer.Tables)
        {
            var (read, written, quarantined) = ledger[table];
            Assert.True(read == written + quarantined, $"{table}: read {read} ≠ written {written} + quarantined {quarantined}");
            Assert.Equal(_generator.RowCounts[table], read);
            Assert.Equal(await _warehouse.Warehouse.ScalarAsync<long>($"SELECT count(*) FROM sl__pagila.{table}", ct), written);
            Assert.Equal(await _warehouse.Warehouse.ScalarAsync<long>(
                $"SELECT count(*) FROM dataplatform.quarantine WHERE transform = 'silver_{table}' AND batch_id = {_batchId}", ct), quarantined);
        }

        var dependants = await _warehouse.Warehouse.ScalarAsync<long>(
            $"SELECT count(*) FROM dataplatform.quarantine WHERE rule = 'parent_quarantined' AND batch_id = {_batchId}", ct);
        Assert.Equal(
            _generator.Report.Total - _generator.Report.CountOf(DefectKind.MalformedEmail),
            ledger.Values.Sum(v => v.Quarantined) - dependants);
    }

    private async Task<Dictionary<string, long>> CountsAsync(string sql, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await _warehouse.Warehouse.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
