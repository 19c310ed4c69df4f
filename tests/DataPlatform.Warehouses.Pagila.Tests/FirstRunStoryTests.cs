using System.Globalization;
using System.Text.RegularExpressions;
using DataPlatform.Datakits.Pagila.Source;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Framework.TestData;
using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;
using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>
/// The quick start's run (<c>pagila-warehouse run</c> with its defaults: synthetic source at scale 1, the demo's handful of
/// bad rows) on a test database, as a process: at most 2 % of the rows end in quarantine, cascades included; every kind of
/// planted defect shows (the quarantine rules with exactly the planted rows, malformed e-mails cleaned to NULL); the summary
/// ends with the top rules and the command that shows the rows, and that command shows them.
/// </summary>
public sealed class FirstRunStoryTests(PostgresServer server)
{
    // The host's generator settings for the default run (SyntheticSourceDatabase.Seed, RunRequest.DemoDefectsPerSlot).
    private static readonly PagilaGenerator s_demo = new(new PagilaGeneratorOptions { Seed = 42, Scale = 1, DefectsPerSlot = 3 });

    [Fact]
    public async Task The_default_run_quarantines_a_handful_of_every_kind_and_says_how_to_see_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await server.CreateDatabaseAsync("first_run", ct);
        try
        {
            var run = await WarehouseCli.RunAsync(["run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic"]);

            Assert.True(run.ExitCode == 0, run.ToString());
            await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Database = warehouse.Name + "_pagila_source" }.ConnectionString);
            Assert.Equal(
                s_demo.Payments().Where(p => p.Amount < 0).Select(p => (long)p.PaymentId).Order(),
                await ListAsync<long>(source, "SELECT payment_id FROM payment WHERE amount < 0 ORDER BY 1", ct)); // the run generated what s_demo plants

            var read = await warehouse.ScalarAsync<long>("SELECT sum(rows_read) FROM dataplatform.batch_table WHERE layer = 'silver'", ct);
            var quarantined = await warehouse.ScalarAsync<long>("SELECT count(*) FROM dataplatform.quarantine", ct);
            Assert.Equal(s_demo.RowCounts.Values.Sum(), read);
            Assert.True(quarantined <= read * 0.02, $"{quarantined} of {read} rows quarantined");
            Assert.Equal(quarantined, await warehouse.ScalarAsync<long>("SELECT sum(rows_quarantined) FROM dataplatform.batch_table", ct));

            var expected = s_demo.Report.Defects.Where(d => RuleFor(d) is not null)
                .GroupBy(d => $"{d.Table} {RuleFor(d)}")
                .ToDictionary(g => g.Key, g => (long)g.Sum(d => d.Count));
            var planted = (await ListAsync<string>(
                    warehouse, "SELECT split_part(table_name, '.', 2) || ' ' || rule || '=' || count(*) FROM dataplatform.quarantine WHERE rule <> 'parent_quarantined' GROUP BY table_name, rule", ct))
                .ToDictionary(s => s[..s.LastIndexOf('=')], s => long.Parse(s[(s.LastIndexOf('=') + 1)..], CultureInfo.InvariantCulture));
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), planted.OrderBy(e => e.Key, StringComparer.Ordinal));
            Assert.Equal(Enum.GetValues<DefectKind>().Order(), s_demo.Report.Defects.Select(d => d.Kind).Distinct().Order()); // every kind is planted
            var cleanedEmails = await warehouse.ScalarAsync<long>("SELECT count(*) FROM sl__pagila.customer WHERE email IS NULL", ct)
                + await warehouse.ScalarAsync<long>("SELECT count(*) FROM sl__pagila.staff WHERE email IS NULL", ct);
            Assert.Equal(s_demo.Report.CountOf(DefectKind.MalformedEmail), cleanedEmails);

            var summary = run.StandardOutput[run.StandardOutput.IndexOf("Quarantine: ", StringComparison.Ordinal)..].TrimEnd().Split('\n');
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Quarantine: {quarantined:N0} rows failed a rule"), summary[0], StringComparison.Ordinal);
            var top = await ListAsync<string>(
                warehouse, "SELECT split_part(table_name, '.', 2) || ' ' || rule || ' ' || count(*) FROM dataplatform.quarantine GROUP BY table_name, rule ORDER BY count(*) DESC, 1 LIMIT 1", ct);
            Assert.Equal("silver " + top.Single(), Regex.Replace(summary[1].Trim(), @"\s+", " "));
            var show = Regex.Match(summary[^1], "^Show the rows: pagila-warehouse (quarantine --warehouse \"([^\"]+)\")\r?$");
            Assert.True(show.Success, summary[^1]);
            Assert.DoesNotContain("Password", show.Groups[2].Value, StringComparison.OrdinalIgnoreCase);

            var rows = await WarehouseCli.RunAsync(
                ["quarantine", "--warehouse", show.Groups[2].Value, "--rule", "negative_amount"],
                new Dictionary<string, string?> { ["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Password });
            Assert.True(rows.ExitCode == 0, rows.ToString());
            Assert.Contains("Open quarantine (3 rows)", rows.StandardOutput, StringComparison.Ordinal);
            foreach (var payment in await ListAsync<long>(source, "SELECT payment_id FROM payment WHERE amount < 0", ct))
            {
                Assert.Matches($@"sl__pagila\.payment\s+negative_amount\s+{payment}\s", rows.StandardOutput);
            }
        }
        finally
        {
            await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Database = "postgres" }.ConnectionString);
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{warehouse.Name}_pagila_source\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The silver rule a planted defect must trigger; null for defects silver cleans instead of quarantining.</summary>
    private static string? RuleFor(PlantedDefect<DefectKind> defect) => defect.Kind switch
    {
        DefectKind.BlankRequiredName => defect.Table == PagilaTables.Film ? "blank_title" : "blank_name",
        DefectKind.OrphanReference => "orphan_" + defect.Column,
        DefectKind.NegativePaymentAmount => "negative_amount",
        DefectKind.ReturnBeforeRental => "return_before_rental",
        DefectKind.MalformedEmail => null,
        _ => throw new ArgumentOutOfRangeException(nameof(defect), defect.Kind, "unknown defect kind"),
    };

    private static async Task<List<T>> ListAsync<T>(NpgsqlDataSource database, string sql, CancellationToken ct)
    {
        var values = new List<T>();
        await using var command = database.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private static Task<List<T>> ListAsync<T>(TestDatabase database, string sql, CancellationToken ct) => ListAsync<T>(database.DataSource, sql, ct);
}
