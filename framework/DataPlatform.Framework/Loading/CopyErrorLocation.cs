using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>Reads the row and column out of a PostgreSQL COPY error context: <c>COPY film, line 3, column title: "…"</c>.</summary>
internal static partial class CopyErrorLocation
{
    public static (long? Line, string? Column) Parse(PostgresException exception)
    {
        var match = exception.Where is null ? Match.Empty : WherePattern().Match(exception.Where);
        if (!match.Success)
        {
            return (null, exception.ColumnName);
        }

        long? line = long.TryParse(match.Groups["line"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null;
        var column = match.Groups["column"].Success ? match.Groups["column"].Value : exception.ColumnName;
        return (line, column);
    }

    public static string Reason(PostgresException exception) =>
        exception.Detail is { Length: > 0 } detail
            ? $"{exception.MessageText} ({detail}) [SQLSTATE {exception.SqlState}]"
            : $"{exception.MessageText} [SQLSTATE {exception.SqlState}]";

    [GeneratedRegex(@"COPY [^,]+, line (?<line>\d+)(?:, column (?<column>[^:\s]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex WherePattern();
}
