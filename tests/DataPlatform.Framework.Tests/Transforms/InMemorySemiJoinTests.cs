using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// The in-memory path answers <c>set.Any(p =&gt; p.Key == row.Key &amp;&amp; rest)</c> from a hash index; the answers must be
/// those of a plain scan with C#'s lifted equality (NULL equals NULL), nullable keys and residual conditions included.
/// </summary>
public sealed class InMemorySemiJoinTests
{
    private static readonly TransformContext s_context = new(7, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void Hash_probes_give_the_same_answers_as_a_scan_with_lifted_null_equality()
    {
        var rows = AwkwardRows.Generate(400, seed: 11);
        var result = TransformRunner.RunInMemory(new SharedLanguageTransform(), new InMemorySources().Add(rows), s_context);

        var expected = rows
            .Where(f => rows.Any(o => o.LanguageId == f.LanguageId && o.Rating == f.Rating && o.FilmId != f.FilmId))
            .Select(f => f.FilmId)
            .Order()
            .ToList();
        Assert.Equal(expected, result.Rows.Select(r => r.FilmId).Order().ToList());
        Assert.Contains(rows, f => f.LanguageId == null && expected.Contains(f.FilmId));
        Assert.Equal(rows.Count - expected.Count, result.Quarantined.Count);
    }

    private sealed class SharedLanguageTransform : Transform<RawFilm, DimFilm>
    {
        public override TransformDefinition<RawFilm, DimFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>())
                .Rule(
                    "alone",
                    f => sources.Set<RawFilm>().Any(o => o.LanguageId == f.LanguageId && o.Rating == f.Rating && o.FilmId != f.FilmId),
                    "no other film shares the language and rating")
                .KeyedBy(f => f.FilmId)
                .Select(f => new DimFilm { FilmId = f.FilmId, Title = f.Title ?? "", Rating = f.Rating });
    }
}
