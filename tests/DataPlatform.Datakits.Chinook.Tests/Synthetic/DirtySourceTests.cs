using DataPlatform.Datakits.Chinook.Source.Generation;
using DataPlatform.Datakits.Chinook.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Chinook.Tests.Synthetic;

/// <summary>
/// Issue #11 acceptance on a synthetic Chinook at dirty-rate 0.02 (scale 1): one batch source → bronze → silver → gold; the
/// quarantine holds exactly the planted bad rows per table and rule (dependants come on top as <c>parent_quarantined</c>,
/// which the generator does not plant), malformed e-mails are cleaned to NULL, and the ledger says rows read = rows written
/// + rows quarantined for every table of every layer.
/// </summary>
public sealed class DirtySourceTests(PostgresServer server) : IAsyncLifetime
{
    private ChinookWarehouse _warehouse = null!;
    private ChinookGenerator _generator = null!;
    private PipelineResult _result = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await ChinookWarehouse.OverEmptySourceAsync(server, "chinook_dirty", ct);
        _generator = new ChinookGenerator(new SyntheticSourceOptions(1, 0.02, 7));
        await ChinookSyntheticSource.LoadAsync(_warehouse.Source.DataSource, _generator, null, ct);
        _result = await _warehouse.RunAsync(ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    /// <summary>The silver rule a planted defect triggers; null for defects silver cleans instead of quarantining.</summary>
    internal static string? RuleFor(PlantedDefect<ChinookDefectKind> defect) => defect.Kind switch
    {
        ChinookDefectKind.BlankRequiredName => defect.Table == "album" ? "blank_title" : "blank_name",
        ChinookDefectKind.OrphanReference => "orphan_" + defect.Column,
        ChinookDefectKind.NonPositiveQuantity => "non_positive_quantity",
        ChinookDefectKind.NegativeAmount => "negative_" + defect.Column,
        ChinookDefectKind.MalformedEmail => null,
        _ => throw new ArgumentOutOfRangeException(nameof(defect), defect.Kind, "unknown defect kind"),
    };

    [Fact]
    public async Task Dirty_source_quarantines_exactly_the_planted_rows_and_every_table_balances()
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = _generator.Report.Defects.Where(d => RuleFor(d) is not null)
            .GroupBy(d => $"silver_{d.Table} {RuleFor(d)}")
            .ToDictionary(g => g.Key, g => (long)g.Sum(d => d.Count));
        Assert.True(expected.Count >= 15, $"the generator planted every hard-rule slot with at least one row ({expected.Count})");
        Assert.All(expected, e => Assert.True(e.Value > 0));

        var quarantined = (await PhysicalState.ListAsync(
                _warehouse.Warehouse,
                $"SELECT transform || ' ' || rule || '=' || count(*) FROM dataplatform.quarantine WHERE batch_id = {_result.BatchId} AND rule <> 'parent_quarantined' GROUP BY transform, rule",
                ct))
            .ToDictionary(s => s[..s.LastIndexOf('=')], s => long.Parse(s[(s.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), quarantined.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.True(await _warehouse.CountAsync($"SELECT count(*) FROM dataplatform.quarantine WHERE rule = 'parent_quarantined'", ct) > 0, "dependants of bad rows are quarantined too");
        Assert.Equal(0, await _warehouse.CountAsync("SELECT count(*) FROM dataplatform.quarantine WHERE transform LIKE 'gold_%'", ct));

        // Malformed e-mails are cleaned to NULL, not quarantined.
        var malformed = _generator.Report.CountOf("customer", "email", ChinookDefectKind.MalformedEmail);
        Assert.True(malformed > 0);
        Assert.Equal(malformed, await _warehouse.CountAsync("SELECT count(*) FROM sl__chinook.customer WHERE email IS NULL", ct));

        // rows read = rows written + rows quarantined for every table of the batch, in the result and in the ledger.
        Assert.All(_result.Tables, t => Assert.Equal(t.RowsRead, t.RowsWritten + t.RowsQuarantined));
        Assert.Equal(0, await _warehouse.CountAsync(
            $"SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = {_result.BatchId} AND rows_read <> rows_written + rows_quarantined", ct));
        Assert.Equal(28, await _warehouse.CountAsync($"SELECT count(*) FROM dataplatform.batch_table WHERE batch_id = {_result.BatchId}", ct));
        foreach (var (table, rows) in _generator.RowCounts)
        {
            Assert.Equal(rows, await _warehouse.CountAsync(
                $"SELECT rows_read FROM dataplatform.batch_table WHERE batch_id = {_result.BatchId} AND layer = 'silver' AND table_name = 'sl__chinook.{table}'", ct));
        }

        // Every row lands in exactly one place: silver holds the rows the ledger wrote.
        Assert.Equal(
            _result.Tables.Where(t => t.Layer == "silver").Sum(t => t.RowsWritten),
            await _warehouse.CountAsync(
                "SELECT (SELECT count(*) FROM sl__chinook.artist) + (SELECT count(*) FROM sl__chinook.album) + (SELECT count(*) FROM sl__chinook.genre)"
                + " + (SELECT count(*) FROM sl__chinook.media_type) + (SELECT count(*) FROM sl__chinook.track) + (SELECT count(*) FROM sl__chinook.playlist)"
                + " + (SELECT count(*) FROM sl__chinook.playlist_track) + (SELECT count(*) FROM sl__chinook.employee) + (SELECT count(*) FROM sl__chinook.customer)"
                + " + (SELECT count(*) FROM sl__chinook.invoice) + (SELECT count(*) FROM sl__chinook.invoice_line)", ct));
    }
}
