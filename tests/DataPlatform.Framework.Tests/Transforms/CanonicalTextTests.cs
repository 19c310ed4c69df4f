using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>The in-memory side of the aligned text semantics.</summary>
public sealed class CanonicalTextTests
{
    [Theory]
    [InlineData("\u00a0x\u3000", "x")]
    [InlineData("\u0085x\v\f", "x")]
    [InlineData("\u2003 x \n", "x")]
    [InlineData("\u200bx", "\u200bx")]
    public void Trim_removes_the_canonical_whitespace_set(string input, string expected) => Assert.Equal(expected, CanonicalText.Trim(input));

    [Fact]
    public void Casing_matches_PostgreSQL_C_utf8_including_Turkish_dotted_and_dotless_i()
    {
        Assert.Equal("istanbul", CanonicalText.Lower("İstanbul"));
        Assert.Equal("II", CanonicalText.Upper("ıi"));
        Assert.Null(CanonicalText.Lower(null));
    }

    [Fact]
    public void Length_and_substring_count_code_points_like_PostgreSQL()
    {
        Assert.Equal(2, CanonicalText.Length("a😀"));
        Assert.Equal("😀b", CanonicalText.Substring("a😀b", 1, 5));
    }

    [Theory]
    [InlineData("^PG$", "PG\n", false)]
    [InlineData("^PG$", "PG", true)]
    [InlineData("^[^@]+$", "a\nb", false)]
    [InlineData("^a.b$", "a\nb", false)]
    public void Portable_regex_has_PostgreSQL_anchor_and_newline_semantics(string pattern, string input, bool expected) =>
        Assert.Equal(expected, CanonicalText.IsMatch(input, pattern));

    [Fact]
    public void Null_propagates_through_members_and_methods_in_memory()
    {
        var result = TransformRunner.RunInMemory(
            new NullTransform(),
            new InMemorySources().Add([new RawFilm { FilmId = 1, Title = null, LengthMinutes = null }]),
            new TransformContext(1, DateTime.UnixEpoch));
        var row = Assert.Single(result.Rows);
        Assert.Null(row.Description);
        Assert.Null(row.LengthMinutes);
    }

    private sealed class NullTransform : Transform<RawFilm, CleanFilm>
    {
        public override TransformDefinition<RawFilm, CleanFilm> Define(ITransformSources sources, TransformContext context) =>
            From(sources.Set<RawFilm>()).Select(f => new CleanFilm
            {
                FilmId = f.FilmId,
                Description = f.Title!.Trim().Substring(1).ToUpper(),
                LengthMinutes = f.LengthMinutes!.Value + f.Title.Length,
            });
    }
}
