using DataPlatform.Testing;

namespace DataPlatform.Hosting.Tests;

/// <summary>The end of the run summary (the quarantine's top rules and the command that shows the rows) and that command, <c>quarantine</c>.</summary>
public sealed class QuarantineVerbTests(PostgresServer server)
{
    [Fact]
    public async Task The_run_summary_ends_with_the_quarantined_rows_top_rules_and_the_command_that_shows_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_quarantine_summary", ct);

        var dirty = await HostRun.RunAsync(
            HostRun.Definition(new TestkitLayer(quarantined: 10)), "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString, "--max-rejected-rate", "1");
        var clean = await HostRun.RunAsync(HostRun.Definition(), "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);

        Assert.True(dirty.ExitCode == ExitCodes.Ok, dirty.ToString());
        var lines = dirty.Output.TrimEnd().Split('\n');
        Assert.Equal("Quarantine: 10 rows failed a rule (76.92 % of the 13 rows silver read). Top rules:", lines[^3]);
        Assert.Matches(@"^  silver country\s+\(rule not reported\)\s+10$", lines[^2]);
        Assert.StartsWith("Show the rows: testkit-warehouse quarantine --warehouse \"", lines[^1], StringComparison.Ordinal);
        Assert.Contains($"Database={db.Name}", lines[^1], StringComparison.Ordinal);
        // The printed command names the server and database but never carries the password (the container's password is
        // "postgres", the user name too, so the key is what must be absent).
        Assert.DoesNotContain("Password", dirty.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(clean.ExitCode == ExitCodes.Ok, clean.ToString());
        Assert.EndsWith("Quarantine: no row failed a rule.", clean.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quarantine_shows_the_open_rows_of_the_pipelines_tables_with_their_source_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await server.CreateDatabaseAsync("host_quarantine_rows", ct);
        var definition = HostRun.Definition();
        var run = await HostRun.RunAsync(definition, "run", "--warehouse", db.ConnectionString, "--source", db.ConnectionString);
        await db.ExecuteAsync(
            """
            INSERT INTO dataplatform.quarantine (batch_id, last_seen_batch_id, transform, table_name, row_key, rule, message, raw_row, resolved_batch_id)
            VALUES (1, 1, 't', 'sl__testkit.country', '17', 'blank_name', 'A required name is blank.', '{"country_id": 17, "name": "  "}', NULL),
                   (1, 1, 't', 'sl__testkit.country', '18', 'blank_name', 'A required name is blank.', '{"country_id": 18, "name": ""}', NULL),
                   (1, 1, 't', 'sl__testkit.country', '19', 'orphan_x', 'gone', '{"country_id": 19}', 1),
                   (1, 1, 't', 'sl__other.thing', '20', 'foreign_rule', 'm', '{}', NULL)
            """,
            ct);

        var all = await HostRun.RunAsync(definition, "quarantine", "--warehouse", db.ConnectionString);
        var one = await HostRun.RunAsync(definition, "quarantine", "--warehouse", db.ConnectionString, "--table", "country", "--rule", "blank_name", "--limit", "1");
        var none = await HostRun.RunAsync(definition, "quarantine", "--warehouse", db.ConnectionString, "--rule", "no_such_rule");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.True(all.ExitCode == ExitCodes.Ok, all.ToString());
        Assert.Contains("Open quarantine (2 rows)", all.Output, StringComparison.Ordinal);
        Assert.Matches(@"sl__testkit\.country\s+blank_name\s+17\s+1\s+A required name is blank\.\s+\{""name"": ""  "", ""country_id"": 17\}", all.Output);
        Assert.Matches(@"sl__testkit\.country\s+blank_name\s+18\s", all.Output);
        Assert.DoesNotContain("orphan_x", all.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("foreign_rule", all.Output, StringComparison.Ordinal);
        Assert.True(one.ExitCode == ExitCodes.Ok, one.ToString());
        Assert.Contains("Open quarantine (1 of 2 rows; --limit shows more)", one.Output, StringComparison.Ordinal);
        Assert.Matches(@"sl__testkit\.country\s+blank_name\s+17\s", one.Output);
        Assert.DoesNotMatch(@"blank_name\s+18\s", one.Output);
        Assert.True(none.ExitCode == ExitCodes.Ok, none.ToString());
        Assert.Contains("No rows in quarantine for that table and rule.", none.Output, StringComparison.Ordinal);
    }
}
