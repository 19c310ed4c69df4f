using System.Globalization;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>In-memory row keys: the values of the named properties joined by <c>|</c> (the quarantine table's key format).</summary>
internal static class RowKeys
{
    public static Func<T, string> Of<T>(IEnumerable<string> properties)
    {
        var getters = properties.Select(p => typeof(T).GetProperty(p)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {p}.")).ToList();
        return row => string.Join("|", getters.Select(g => Convert.ToString(g.GetValue(row), CultureInfo.InvariantCulture)));
    }
}
