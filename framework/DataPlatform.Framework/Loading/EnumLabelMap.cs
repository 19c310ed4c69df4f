using System.Reflection;
using Npgsql.NameTranslation;
using NpgsqlTypes;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// Labels of a PostgreSQL enum column. CLR enum values map to labels the way Npgsql maps them (<see cref="PgNameAttribute"/>,
/// else snake_case), so the loader writes the label text, which binary COPY stores through the enum's receive function.
/// </summary>
internal sealed class EnumLabelMap
{
    private readonly Dictionary<long, string>? _byValue;
    private readonly HashSet<string>? _labels;

    private EnumLabelMap(string typeName, Dictionary<long, string>? byValue, HashSet<string>? labels)
    {
        TypeName = typeName;
        _byValue = byValue;
        _labels = labels;
    }

    public string TypeName { get; }

    public static EnumLabelMap Create(string typeName, Type? clrEnum, IReadOnlyList<string>? databaseLabels)
    {
        Dictionary<long, string>? byValue = null;
        if (clrEnum is not null)
        {
            var translator = new NpgsqlSnakeCaseNameTranslator();
            byValue = [];
            foreach (var field in clrEnum.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var label = field.GetCustomAttribute<PgNameAttribute>()?.PgName ?? translator.TranslateMemberName(field.Name);
                byValue[Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)] = label;
            }
        }

        return new EnumLabelMap(typeName, byValue, databaseLabels is { Count: > 0 } ? new HashSet<string>(databaseLabels, StringComparer.Ordinal) : null);
    }

    /// <summary>The label of a CLR enum value; throws a row error when the value has none.</summary>
    public string ToLabel<TEnum>(TEnum value, string column)
        where TEnum : struct, Enum
    {
        var raw = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        if (_byValue is null || !_byValue.TryGetValue(raw, out var label))
        {
            throw new RowValueException(column, $"{raw.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a defined value of {typeof(TEnum).Name}, so it has no label of enum {TypeName}.");
        }

        return CheckLabel(label, column);
    }

    /// <summary>Checks a label against the labels the model declares for the enum type (when it declares them).</summary>
    public string CheckLabel(string label, string column)
    {
        if (_labels is not null && !_labels.Contains(label))
        {
            throw new RowValueException(column, $"'{label}' is not a label of enum {TypeName} ({string.Join(", ", _labels)}).");
        }

        return label;
    }
}
