using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// <c>LookUp</c> and a grouped <c>LeftJoin</c> run in the server as joins (no correlated <c>LIMIT 1</c> sub-query per row) and
/// give the same rows and quarantine decisions as the in-memory path, including a row whose lookup finds nothing.
/// </summary>
public sealed partial class LookUpTests(PostgresServer server)
{
    private static readonly TransformContext s_context = new(7, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    private static readonly RawFilm[] s_films =
    [
        new() { FilmId = 1, BatchId = 1, Title = "A", LanguageId = 1 },
        new() { FilmId = 2, BatchId = 1, Title = "B", LanguageId = 1 },
        new() { FilmId = 2, BatchId = 2, Title = "B2", LanguageId = 2 },
        new() { FilmId = 3, BatchId = 1, Title = "C", LanguageId = 99 },
        new() { FilmId = 4, BatchId = 1, Title = "D", LanguageId = null },
        new() { FilmId = 5, BatchId = 1, Title = "E", LanguageId = 1 },
    ];

    private static readonly RawLanguage[] s_languages = [new() { LanguageId = 1, Name = "English" }, new() { LanguageId = 2, Name = "Italian" }];

    [Fact]
    public async Task Lookups_and_grouped_left_joins_agree_with_the_in_memory_path()
    {
        var ct = TestContext.Current.CancellationToken;
        var memory = TransformRunner.RunInMemory(new LanguageLookUpTransform(), new InMemorySources().Add(s_films).Add(s_languages), s_context);

        await using var db = await TfxDatabase.CreateAsync(server, "tfx_lookup", ct);
        await db.SeedAsync(s_films, s_languages, ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var result = await new TransformRunner().RunAsync(new LanguageLookUpTransform(), bronze, silver, s_context, cancellationToken: ct);

        var serverRows = await silver.Films.AsNoTracking().OrderBy(f => f.FilmId).Select(f => $"{f.FilmId}:{f.Title}:{f.TitleLength}").ToListAsync(ct);
        Assert.Equal(["1:English:2", "2:Italian:1", "5:English:2"], serverRows);
        Assert.Equal(serverRows, memory.Rows.OrderBy(r => r.FilmId).Select(r => $"{r.FilmId}:{r.Title}:{r.TitleLength}"));
        Assert.Equal(["3:unknown_language", "4:unknown_language"], memory.Quarantined.Select(q => $"{q.Key}:{q.Rule}").Order());
        Assert.Equal((5L, 3L, 2L), (result.RowsRead, result.RowsWritten, result.RowsQuarantined));
    }

    [Fact]
    public async Task A_lookup_is_one_left_join_shared_by_the_rules_and_the_map()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TfxDatabase.CreateAsync(server, "tfx_lookup_sql", ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();

        var plan = await new TransformRunner().BuildAsync(new LanguageLookUpTransform(), bronze, silver, s_context, cancellationToken: ct);

        Assert.DoesNotContain("LIMIT", plan.PassQuery, StringComparison.Ordinal);
        Assert.True(LanguageJoin().Count(plan.PassQuery) == 1, plan.PassQuery);
        Assert.Contains("GROUP BY", plan.PassQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("HAVING", plan.PassQuery, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"LEFT JOIN (LATERAL \(\s*SELECT [^)]*FROM \S*raw_language |\S*raw_language AS )")]
    private static partial Regex LanguageJoin();
}
