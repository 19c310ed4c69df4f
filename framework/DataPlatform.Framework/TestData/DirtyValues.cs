namespace DataPlatform.Framework.TestData;

/// <summary>The bad values synthetic-source generators plant, shared so every datakit's generator plants the same shapes.</summary>
public static class DirtyValues
{
    /// <summary>The first id of planted orphan references: far above any generated id.</summary>
    public const int OrphanBase = 900_000_000;

    /// <summary>A blank required text: alternately empty and only spaces.</summary>
    public static string Blank(int index) => index % 2 == 0 ? string.Empty : "   ";

    /// <summary>An id no generated row has, unique per <paramref name="index"/> (so composite keys stay unique).</summary>
    public static int Orphan(int index) => OrphanBase + index;

    /// <summary>
    /// <paramref name="email"/> made not <c>local@domain.tld</c>, in one of three ways by <paramref name="index"/>: no
    /// <c>@</c>, no top-level domain, or no local part.
    /// </summary>
    public static string MalformedEmail(string email, int index)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return (index % 3) switch
        {
            0 => email.Replace('@', '.'),
            1 => email[..email.LastIndexOf('.')],
            _ => email[at..],
        };
    }

    /// <summary>The row count of a scaled table: <paramref name="realCount"/> × <paramref name="scale"/>, rounded, at least 1.</summary>
    public static int Scaled(int realCount, double scale) =>
        Math.Max(1, (int)Math.Round(realCount * scale, MidpointRounding.AwayFromZero));
}
