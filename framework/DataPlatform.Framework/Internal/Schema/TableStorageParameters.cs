using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Framework.Internal.Schema;

/// <summary>
/// Table storage parameters between the model (Npgsql's <c>HasStorageParameter</c>), <c>pg_class.reloptions</c> and DDL:
/// names in PostgreSQL's lower case, values as reloptions keeps them (<c>90</c>, <c>0.05</c>, <c>false</c>).
/// </summary>
internal static class TableStorageParameters
{
    private const NumberStyles Numeric = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The parameters the entity types mapped to <paramref name="table"/> declare, by name.</summary>
    public static IReadOnlyList<StorageParameterDefinition> FromModel(ITable table)
    {
        var parameters = new SortedDictionary<string, StorageParameterDefinition>(StringComparer.Ordinal);
        foreach (var entityType in table.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>())
        {
            foreach (var (name, value) in entityType.GetStorageParameters())
            {
                var parameter = new StorageParameterDefinition(Name(table, name), Text(table, name, value));
                if (parameters.TryGetValue(parameter.Name, out var other) && !SameValue(other.Value, parameter.Value))
                {
                    throw new InvalidOperationException(
                        $"Table {table.SchemaQualifiedName} has storage parameter {parameter.Name} = {other.Value} and = {parameter.Value} "
                        + "from different entity types mapped to it.");
                }

                parameters[parameter.Name] = parameter;
            }
        }

        return [.. parameters.Values];
    }

    /// <summary>Reads <c>pg_class.reloptions</c> (<c>name=value</c> entries).</summary>
    public static IReadOnlyList<StorageParameterDefinition> FromReloptions(IEnumerable<string> reloptions) =>
        [.. reloptions.Select(o => o.Split('=', 2)).Select(p => new StorageParameterDefinition(p[0], p.Length > 1 ? p[1] : string.Empty))];

    /// <summary>
    /// Whether two values mean the same to PostgreSQL: reloptions keeps a value as it was written, so <c>0.050</c> and
    /// <c>0.05</c>, or <c>off</c> and <c>false</c>, are equal.
    /// </summary>
    public static bool SameValue(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || (IsNumber(a, out var x) && IsNumber(b, out var y) && x == y)
        || (Boolean(a) is { } p && Boolean(b) is { } q && p == q);

    /// <summary>Whether <paramref name="value"/> can be written without quotes (a number or a boolean keyword).</summary>
    public static bool IsBareLiteral(string value) => IsNumber(value, out _) || value is "true" or "false";

    private static bool IsNumber(string value, out decimal number) => decimal.TryParse(value, Numeric, CultureInfo.InvariantCulture, out number);

    private static bool? Boolean(string value) => value.ToUpperInvariant() switch
    {
        "TRUE" or "ON" or "YES" or "1" => true,
        "FALSE" or "OFF" or "NO" or "0" => false,
        _ => null,
    };

    // PostgreSQL folds an unquoted parameter name to lower case; a name that is not a plain identifier (toast.* included,
    // which lives on the TOAST table) is not deployed.
    private static string Name(ITable table, string name)
    {
        var lower = name.ToLowerInvariant();
        if (lower.Length == 0 || char.IsAsciiDigit(lower[0]) || !lower.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new NotSupportedException(
                $"Storage parameter '{name}' of table {table.SchemaQualifiedName}: the schema deployer deploys table parameters "
                + "named by a plain identifier (such as fillfactor), not toast.* or quoted names.");
        }

        return lower;
    }

    private static string Text(ITable table, string name, object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        string text => text,
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal =>
            Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new NotSupportedException(
            $"Storage parameter {name} of table {table.SchemaQualifiedName} has a value of type {value?.GetType().Name ?? "null"}; "
            + "use a number, a bool or a string."),
    };
}
