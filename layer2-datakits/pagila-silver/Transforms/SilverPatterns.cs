namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>Patterns of the silver cleaning rules (DESIGN.md §4), in the portable regex subset both transform paths agree on.</summary>
internal static class SilverPatterns
{
    /// <summary>A trimmed, lower-cased e-mail of the form <c>local@domain.tld</c>: no spaces, exactly one <c>@</c>, a dot in the domain part.</summary>
    public const string Email = "^[^@ ]+@[^@ ]+\\.[^@ .]+$";
}
