using System.Globalization;
using DataPlatform.Datakits.Chinook.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Warehouses.Chinook.Tests;

/// <summary>
/// The quick start's Chinook run (<c>chinook-warehouse run</c> with its defaults: synthetic source at scale 1, the demo's
/// handful of bad rows) on a test database: at most 2 % of the rows end in quarantine, cascades included, and every kind of
/// planted defect shows (the quarantine rules with exactly the planted rows, malformed e-mails cleaned to NULL).
/// </summary>
public sealed class FirstRunStoryTests(PostgresServer server)
{
    // The host's generator settings for the default run (SyntheticSourceDatabase.Seed, RunRequest.DemoDefectsPerSlot).
    private static readonly ChinookGenerator s_demo = new(new SyntheticSourceOptions(1, 0, 42) { DefectsPerSlot = 3 });

    [Fact]
    public async Task The_default_run_quarantines_a_handful_of_every_kind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("chinook_first_run", ct);
        try
        {
            Assert.Equal(0, await Hosts.ChinookAsync("run", "--warehouse", db.ConnectionString, "--source", "synthetic", "--no-progress"));

            await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = db.Name + "_chinook_source" }.ConnectionString);
            Assert.Equal(
                s_demo.Invoices().Where(i => i.Total < 0).Select(i => i.InvoiceId.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
                await Hosts.ListAsync(source, "SELECT invoice_id::text FROM invoice WHERE total < 0 ORDER BY 1", ct)); // the run generated what s_demo plants

            var read = long.Parse((await Hosts.ListAsync(db.DataSource, "SELECT sum(rows_read) FROM dataplatform.batch_table WHERE layer = 'silver'", ct)).Single(), CultureInfo.InvariantCulture);
            var quarantined = long.Parse((await Hosts.ListAsync(db.DataSource, "SELECT count(*) FROM dataplatform.quarantine", ct)).Single(), CultureInfo.InvariantCulture);
            Assert.Equal(s_demo.RowCounts.Values.Sum(), read);
            Assert.True(quarantined <= read * 0.02, $"{quarantined} of {read} rows quarantined");

            var expected = s_demo.Report.Defects.Where(d => RuleFor(d) is not null)
                .GroupBy(d => $"{d.Table} {RuleFor(d)}")
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Count).ToString(CultureInfo.InvariantCulture));
            var planted = (await Hosts.ListAsync(
                    db.DataSource, "SELECT split_part(table_name, '.', 2) || ' ' || rule || '=' || count(*) FROM dataplatform.quarantine WHERE rule <> 'parent_quarantined' GROUP BY table_name, rule", ct))
                .ToDictionary(s => s[..s.LastIndexOf('=')], s => s[(s.LastIndexOf('=') + 1)..]);
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), planted.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(Enum.GetValues<ChinookDefectKind>().Order(), s_demo.Report.Defects.Select(d => d.Kind).Distinct().Order()); // every kind is planted
            Assert.Equal(
                [s_demo.Report.CountOf(ChinookDefectKind.MalformedEmail).ToString(CultureInfo.InvariantCulture)],
                await Hosts.ListAsync(db.DataSource, "SELECT count(*) FROM sl__chinook.customer WHERE email IS NULL", ct));
        }
        finally
        {
            await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = "postgres" }.ConnectionString);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{db.Name}_chinook_source\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The silver rule a planted defect must trigger; null for defects silver cleans instead of quarantining.</summary>
    private static string? RuleFor(PlantedDefect<ChinookDefectKind> defect) => defect.Kind switch
    {
        ChinookDefectKind.BlankRequiredName => defect.Table == "album" ? "blank_title" : "blank_name",
        ChinookDefectKind.OrphanReference => "orphan_" + defect.Column,
        ChinookDefectKind.NonPositiveQuantity => "non_positive_quantity",
        ChinookDefectKind.NegativeAmount => "negative_" + defect.Column,
        ChinookDefectKind.MalformedEmail => null,
        _ => throw new ArgumentOutOfRangeException(nameof(defect), defect.Kind, "unknown defect kind"),
    };
}
