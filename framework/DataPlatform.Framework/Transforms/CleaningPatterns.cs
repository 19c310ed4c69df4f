namespace DataPlatform.Framework.Transforms;

/// <summary>Patterns of the shared silver cleaning rules (DESIGN.md §4), in the portable regex subset both transform paths agree on.</summary>
public static class CleaningPatterns
{
    /// <summary>
    /// A trimmed, lower-cased e-mail of the form <c>local@domain.tld</c>: no spaces, exactly one <c>@</c>, a dot in the domain
    /// part. Use it as <c>Regex.IsMatch(e.Trim().ToLower(), CleaningPatterns.Email)</c> inside a transform's map.
    /// </summary>
    public const string Email = "^[^@ ]+@[^@ ]+\\.[^@ .]+$";
}
