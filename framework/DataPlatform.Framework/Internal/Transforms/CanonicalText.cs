using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The text semantics both transform paths agree on (DESIGN.md §6). The in-server path gets them from the
/// <see cref="ServerRewriter"/> (explicit <c>btrim</c> set, <c>lower(s COLLATE "C.utf8")</c>, <c>~</c>); the in-memory
/// path calls the methods of this class, which the <see cref="MemoryRewriter"/> substitutes and which return NULL for
/// NULL input like SQL does.
/// </summary>
internal static class CanonicalText
{
    /// <summary>The collation <c>ToLower</c>/<c>ToUpper</c> run under in PostgreSQL (glibc C.UTF-8: simple Unicode case mapping).</summary>
    public const string CaseCollation = "C.utf8";

    private static readonly ConcurrentDictionary<string, Regex> s_regexes = new(StringComparer.Ordinal);

    /// <summary>
    /// Every character .NET's <see cref="char.IsWhiteSpace(char)"/> accepts (ASCII controls TAB..CR, space, U+0085, NBSP,
    /// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). <c>Trim()</c> trims exactly these on both paths;
    /// PostgreSQL's <c>btrim</c> gets the set explicitly.
    /// </summary>
    public static char[] WhitespaceChars { get; } =
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray();

    public static string? Trim(string? s) => s?.Trim(WhitespaceChars);

    public static string? TrimStart(string? s) => s?.TrimStart(WhitespaceChars);

    public static string? TrimEnd(string? s) => s?.TrimEnd(WhitespaceChars);

    public static bool IsNullOrBlank(string? s) => s is null || s.AsSpan().Trim(WhitespaceChars).IsEmpty;

    /// <summary>Lower-cases like PostgreSQL's <c>lower()</c> under C.UTF-8: .NET invariant casing, except that U+0130 (İ) becomes <c>i</c>.</summary>
    public static string? Lower(string? s) => s?.Replace('\u0130', 'i').ToLowerInvariant();

    /// <summary>Upper-cases like PostgreSQL's <c>upper()</c> under C.UTF-8: .NET invariant casing, except that U+0131 (ı) becomes <c>I</c>.</summary>
    public static string? Upper(string? s) => s?.Replace('\u0131', 'I').ToUpperInvariant();

    /// <summary>The length in characters (code points) like PostgreSQL's <c>length()</c>, not in UTF-16 units.</summary>
    public static int? Length(string? s)
    {
        if (s is null)
        {
            return null;
        }

        var count = 0;
        foreach (var unused in s.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary><c>Substring</c> by code points that clamps like PostgreSQL's <c>substring()</c> instead of throwing.</summary>
    public static string? Substring(string? s, int start, int? length)
    {
        if (s is null)
        {
            return null;
        }

        var runes = s.EnumerateRunes().ToArray();
        var from = Math.Max(start, 0);
        var to = length is null ? runes.Length : Math.Min(runes.Length, (long)start + length.Value);
        var builder = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            builder.Append(runes[i].ToString());
        }

        return builder.ToString();
    }

    public static bool? StartsWith(string? s, string? value) => s is null || value is null ? null : s.StartsWith(value, StringComparison.Ordinal);

    public static bool? EndsWith(string? s, string? value) => s is null || value is null ? null : s.EndsWith(value, StringComparison.Ordinal);

    public static bool? Contains(string? s, string? value) => s is null || value is null ? null : s.Contains(value, StringComparison.Ordinal);

    public static string? Replace(string? s, string? oldValue, string? newValue) =>
        s is null || oldValue is null || newValue is null ? null : oldValue.Length == 0 ? s : s.Replace(oldValue, newValue, StringComparison.Ordinal);

    /// <summary>Integer to text with the invariant culture, like PostgreSQL's <c>::text</c>.</summary>
    public static string ToText(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>Regex.IsMatch</c> with PostgreSQL's semantics for a pattern of the portable subset (<see cref="PortableRegex"/>).</summary>
    public static bool? IsMatch(string? s, string pattern) =>
        s is null ? null : s_regexes.GetOrAdd(pattern, p => new Regex(PortableRegex.ToDotNet(p), RegexOptions.CultureInvariant)).IsMatch(s);
}
