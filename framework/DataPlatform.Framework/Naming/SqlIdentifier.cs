using System.Text.RegularExpressions;

namespace DataPlatform.Framework.Naming;

/// <summary>
/// Validates and quotes PostgreSQL identifiers. Identifiers that come from configuration or from a model
/// are always validated (letters, digits and <c>_</c>, starting with a letter or <c>_</c>, at most 63 bytes)
/// and always quoted when written into SQL.
/// </summary>
public static partial class SqlIdentifier
{
    private const int MaxLength = 63;

    /// <summary>Returns <paramref name="identifier"/> when it is a valid identifier, otherwise throws.</summary>
    /// <exception cref="ArgumentException">The identifier is empty, too long or has characters other than letters, digits and <c>_</c>.</exception>
    public static string Validate(string identifier, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (!IsValid(identifier))
        {
            throw new ArgumentException(
                $"{what ?? "Identifier"} '{identifier}' is not valid: use letters, digits and '_', start with a letter or '_', at most {MaxLength} characters.",
                nameof(identifier));
        }

        return identifier;
    }

    /// <summary>Whether <paramref name="identifier"/> is a valid identifier.</summary>
    public static bool IsValid(string? identifier) =>
        !string.IsNullOrEmpty(identifier) && identifier.Length <= MaxLength && ValidPattern().IsMatch(identifier);

    /// <summary>Validates and double-quotes one identifier: <c>film</c> → <c>"film"</c>.</summary>
    public static string Quote(string identifier) => "\"" + Validate(identifier) + "\"";

    /// <summary>Validates and quotes a schema-qualified name: <c>"schema"."table"</c>.</summary>
    public static string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidPattern();
}
