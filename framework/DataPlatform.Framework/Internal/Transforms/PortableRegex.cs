using System.Text;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The regular-expression subset whose meaning is the same in .NET and in PostgreSQL's <c>~</c> (which Npgsql runs in
/// partial newline-sensitive mode, <c>(?p)</c>): literals, escaped metacharacters, <c>.</c>, <c>^</c>, <c>$</c>, bracket
/// classes with ranges, groups <c>( )</c> and <c>(?: )</c>, <c>|</c> and quantifiers. Rejected: class escapes such as
/// <c>\s</c>, <c>\d</c>, <c>\w</c>, <c>\b</c> (their character sets differ, e.g. NBSP), back-references, look-around,
/// inline options and POSIX classes. Made explicit: <c>$</c> matches only at the very end (not before a final newline)
/// and a negated class never matches a newline.
/// </summary>
internal static class PortableRegex
{
    private const string Metacharacters = ".^$|?*+()[]{}\\/-";

    /// <summary>Throws <see cref="TransformBuildException"/> naming the first construct outside the portable subset.</summary>
    public static void Validate(string pattern) => ToDotNet(pattern);

    /// <summary>Translates a portable pattern to the .NET pattern with PostgreSQL's meaning.</summary>
    public static string ToDotNet(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var output = new StringBuilder(pattern.Length + 8);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    output.Append(Escape(pattern, i));
                    i += 2;
                    break;
                case '$':
                    output.Append("\\z");
                    i++;
                    break;
                case '[':
                    i = Class(pattern, i, output);
                    break;
                case '(':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        if (i + 2 < pattern.Length && pattern[i + 2] == ':')
                        {
                            output.Append("(?:");
                            i += 3;
                            break;
                        }

                        throw Reject(pattern, "'(?' groups other than '(?:' (look-around, inline options, named groups)");
                    }

                    output.Append(c);
                    i++;
                    break;
                default:
                    output.Append(c);
                    i++;
                    break;
            }
        }

        return output.ToString();
    }

    private static string Escape(string pattern, int i)
    {
        if (i + 1 >= pattern.Length)
        {
            throw Reject(pattern, "a trailing backslash");
        }

        var next = pattern[i + 1];
        if (!Metacharacters.Contains(next, StringComparison.Ordinal))
        {
            throw Reject(pattern, $"the escape '\\{next}' (class escapes such as \\s, \\d, \\w and \\b mean different character sets in .NET and PostgreSQL; write an explicit class like [0-9])");
        }

        return "\\" + next;
    }

    private static int Class(string pattern, int start, StringBuilder output)
    {
        var i = start + 1;
        var negated = i < pattern.Length && pattern[i] == '^';
        output.Append(negated ? "[^" : "[");
        if (negated)
        {
            i++;
        }

        var first = true;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == ']' && !first)
            {
                output.Append(negated ? "\\n]" : "]");
                return i + 1;
            }

            if (c == '[' && i + 1 < pattern.Length && (pattern[i + 1] == ':' || pattern[i + 1] == '=' || pattern[i + 1] == '.'))
            {
                throw Reject(pattern, "POSIX bracket classes like [:alpha:]");
            }

            if (c == '\\')
            {
                output.Append(Escape(pattern, i));
                i += 2;
            }
            else
            {
                output.Append(c == ']' ? "\\]" : c.ToString());
                i++;
            }

            first = false;
        }

        throw Reject(pattern, "an unterminated '['");
    }

    private static TransformBuildException Reject(string pattern, string what) =>
        new($"Regex pattern \"{pattern}\" is outside the portable subset that .NET and PostgreSQL agree on: it uses {what}.");
}
