namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// Generated raw rows full of the inputs .NET and PostgreSQL disagree on (DESIGN.md §6): NULLs, blank and Unicode-space
/// strings (NBSP, U+2003, U+3000, U+0085, VT, FF), Turkish İ/ı, trailing newlines, regex anchors, plus rule breakers.
/// </summary>
internal static class AwkwardRows
{
    public static readonly string?[] Texts =
    [
        null, "", " ", "\u00a0", "\u2003", "\u3000", "\u0085", "\v", "\f", "\t\n", "\u00a0Title\u00a0", "\u2003Em Space\u3000",
        "Title\n", "Title\r\n", "\u0085Next Line\u0085", "\vVertical\f", "İstanbul", "DİYARBAKIR", "ıi", "Iı", "straße", "ΟΔΟΣ",
        "Ünïcödé", "plain", "  padded  ", "ends with space ", "emoji 😀", "\u200bzero width",
    ];

    public static readonly string?[] Emails =
    [
        null, "", " ", "a@b.co", " A@B.CO ", "a@b.co\n", "\u00a0x@y.org\u00a0", "no-at-sign", "two@@ats.com", "x@y", "İ@x.com",
        "ı@x.com", "a b@c.de", "UPPER@CASE.COM\u3000", "trail@dot.", "mail@site.c0m",
    ];

    public static readonly string?[] Ratings = [null, "G", "PG", "PG-13", "R", "NC-17", "PG\n", " PG", "pg", "X", "NC-17\r\n", ""];

    public static readonly RawLanguage[] Languages = [new() { LanguageId = 1, Name = "English" }, new() { LanguageId = 2, Name = " Türkçe " }];

    public static List<RawFilm> Generate(int count, int seed, long batchId = 1)
    {
        var random = new Random(seed);
        var rows = new List<RawFilm>();
        for (var i = 1; i <= count; i++)
        {
            rows.Add(new RawFilm
            {
                FilmId = i,
                BatchId = batchId,
                Title = Pick(random, Texts),
                Description = Pick(random, Texts),
                Email = Pick(random, Emails),
                Rating = Pick(random, Ratings),
                LengthMinutes = random.Next(8) switch { 0 => null, 1 => -5, _ => random.Next(40, 200) },
                LanguageId = random.Next(10) switch { 0 => null, 1 => 99, 2 => 2, _ => 1 },
                Active = random.Next(4) switch { 0 => null, 1 => 0, _ => 1 },
            });
        }

        return rows;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];
}
