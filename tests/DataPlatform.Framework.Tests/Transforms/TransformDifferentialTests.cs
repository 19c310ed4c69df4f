using System.Text.Json;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>The same generated rows through the in-memory and the in-server path must give identical rows and quarantine decisions.</summary>
public sealed class TransformDifferentialTests(PostgresServer server)
{
    private static readonly TransformContext s_context = new(7, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task In_memory_and_in_server_paths_agree_on_awkward_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = AwkwardRows.Generate(600, seed: 20240501);
        var memory = TransformRunner.RunInMemory(
            new CleanFilmTransform(), new InMemorySources().Add(rows).Add(AwkwardRows.Languages), s_context);

        await using var db = await TfxDatabase.CreateAsync(server, "tfx_differential", ct);
        await db.SeedAsync(rows.Select(Copy), AwkwardRows.Languages.Select(l => new RawLanguage { LanguageId = l.LanguageId, Name = l.Name }), ct);
        await using var bronze = db.Bronze();
        await using var silver = db.Silver();
        var result = await new TransformRunner().RunAsync(new CleanFilmTransform(), bronze, silver, s_context, cancellationToken: ct);

        var serverRows = await silver.Films.AsNoTracking().ToListAsync(ct);
        Assert.Equal(Describe(memory.Rows), Describe(serverRows));

        var serverQuarantine = new List<string>();
        await using (var connection = await db.Database.OpenConnectionAsync(ct))
        await using (var command = new Npgsql.NpgsqlCommand("SELECT row_key, rule FROM dataplatform.quarantine ORDER BY row_key::int", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                serverQuarantine.Add($"{reader.GetString(0)}:{reader.GetString(1)}");
            }
        }

        Assert.Equal(memory.Quarantined.Select(q => $"{q.Key}:{q.Rule}").Order(), serverQuarantine.Order());
        Assert.Equal(600, result.RowsRead);
        Assert.Equal(memory.RowsRead, result.RowsRead);
        Assert.Equal(result.RowsRead, result.RowsWritten + result.RowsQuarantined);
        Assert.Equal(memory.Rows.Count, result.RowsWritten);

        // The generated rows really exercise every rule and the awkward inputs.
        Assert.Equal(["blank_title", "negative_length", "orphan_language"], memory.Quarantined.Select(q => q.Rule).Distinct().Order());
        Assert.Contains(memory.Rows, r => r.TitleKey == "istanbul");
        Assert.Contains(memory.Rows, r => r.Title == "Title");
        Assert.Contains(memory.Rows, r => r.Email == "a@b.co");
    }

    private static List<string> Describe(IEnumerable<CleanFilm> rows) =>
        rows.OrderBy(r => r.FilmId)
            .Select(r => JsonSerializer.Serialize(new object?[]
            {
                r.FilmId, r.Title, r.TitleKey, r.TitleUpper, r.TitleLength, r.Description, r.Email, r.Rating, r.LengthMinutes, r.LanguageId,
                r.IsActive, r.BatchId,
            }))
            .ToList();

    private static RawFilm Copy(RawFilm f) => new()
    {
        FilmId = f.FilmId, BatchId = f.BatchId, Title = f.Title, Description = f.Description, Email = f.Email, Rating = f.Rating,
        LengthMinutes = f.LengthMinutes, LanguageId = f.LanguageId, Active = f.Active,
    };
}
