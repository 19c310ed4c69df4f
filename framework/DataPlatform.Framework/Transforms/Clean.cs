using DataPlatform.Framework.Internal.Transforms;

namespace DataPlatform.Framework.Transforms;

/// <summary>
/// The shared silver cleaning rules (DESIGN.md §4) as functions a transform can call in its rules and map. The framework
/// expands each call into its expression (below) before either path runs, so the server translates it to SQL and the
/// in-memory path evaluates it with the same canonical trim set and casing; calling them directly gives the same results.
/// </summary>
public static class Clean
{
    /// <summary><c>text == null || text.Trim() == ""</c>: NULL, empty or only whitespace (the canonical set).</summary>
    public static bool IsBlank(string? text) => text is null || CanonicalText.IsNullOrBlank(text);

    /// <summary>Optional text: trimmed, NULL when blank. <c>text == null || text.Trim() == "" ? null : text.Trim()</c>.</summary>
    public static string? Text(string? text) => IsBlank(text) ? null : CanonicalText.Trim(text);

    /// <summary>
    /// An e-mail: trimmed and lower-cased, NULL unless it is <c>local@domain.tld</c> (<see cref="CleaningPatterns.Email"/>).
    /// </summary>
    public static string? Email(string? text)
    {
        var lower = CanonicalText.Lower(CanonicalText.Trim(text));
        return lower is null || CanonicalText.IsMatch(lower, CleaningPatterns.Email) != true ? null : lower;
    }
}
