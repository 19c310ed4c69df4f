using System.Globalization;
using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>An entity's table map with its compiled delegates; built once per entity type, mode and key, then cached.</summary>
internal sealed class EntityLoadPlan<T>
{
    public EntityLoadPlan(EntityTableMap map)
    {
        Map = map;
        Writer = RowWriterCompiler.CompileWriter<T>(map.Columns);
        KeyReader = map.RowKeyColumns.Count > 0 ? RowWriterCompiler.CompileValueReader<T>(map.RowKeyColumns) : null;
    }

    public EntityTableMap Map { get; }

    public Action<NpgsqlBinaryImporter, T> Writer { get; }

    public Action<T, object?[]>? KeyReader { get; }

    /// <summary>The row's key as <c>column=value</c> pairs, or null when the entity has no key the loader writes.</summary>
    public string? DescribeKey(T row)
    {
        if (KeyReader is null || row is null)
        {
            return null;
        }

        try
        {
            var values = new object?[Map.RowKeyColumns.Count];
            KeyReader(row, values);
            return string.Join(", ", Map.RowKeyColumns.Select((c, i) => c.Name + "=" + Format(values[i])));
        }
        catch (RowValueException)
        {
            return null;
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
