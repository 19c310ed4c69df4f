using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// Silver rows as canonical text, one line per row (every mapped column except the audit timestamps <c>created_at</c>,
/// <c>updated_at</c>, <c>systime</c>), sorted: rows of the in-memory and the in-server path compare as lists of strings.
/// Strings are JSON-escaped so a non-ASCII space or a trailing newline is visible in a failure message.
/// </summary>
internal static class SilverRowText
{
    private static readonly HashSet<string> s_audit = new(StringComparer.Ordinal) { "created_at", "updated_at", "systime" };

    public static List<string> Of<T>(IModel model, IEnumerable<T> rows)
        where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var properties = entity.GetProperties()
            .Where(p => !s_audit.Contains(p.GetColumnName()))
            .OrderBy(p => p.GetColumnName(), StringComparer.Ordinal)
            .ToList();
        return rows
            .Select(r => string.Join(" ", properties.Select(p => p.GetColumnName() + "=" + Format(p.PropertyInfo!.GetValue(r)))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => JsonSerializer.Serialize(s),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToHexString(b),
        string[] a => JsonSerializer.Serialize(a),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
