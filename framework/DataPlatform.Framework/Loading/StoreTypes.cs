using System.Globalization;
using NpgsqlTypes;

namespace DataPlatform.Framework.Loading;

/// <summary>Parses PostgreSQL store type names (<c>character varying(20)</c>, <c>numeric(5,2)</c>, <c>text[]</c>) into wire types and limits.</summary>
internal static class StoreTypes
{
    /// <summary>The base name without modifiers or array brackets, lower-case: <c>numeric(5,2)</c> → <c>numeric</c>.</summary>
    public static string BaseName(string storeType)
    {
        var name = storeType.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            name = name[..^2];
        }

        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            var close = name.IndexOf(')', paren);
            name = (name[..paren] + (close >= 0 ? name[(close + 1)..] : string.Empty)).Trim();
        }

        return name.ToLowerInvariant();
    }

    public static bool IsArray(string storeType) => storeType.TrimEnd().EndsWith("[]", StringComparison.Ordinal);

    /// <summary>The modifiers inside the parentheses: <c>numeric(5,2)</c> → [5, 2].</summary>
    public static int[] Modifiers(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : storeType.IndexOf(')', open);
        if (open < 0 || close < 0)
        {
            return [];
        }

        return storeType[(open + 1)..close]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(m => int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .ToArray();
    }

    /// <summary>The Npgsql wire type of a scalar base type name, or null when it is not one of the common types.</summary>
    public static NpgsqlDbType? ScalarDbType(string baseName) => baseName switch
    {
        "smallint" or "int2" => NpgsqlDbType.Smallint,
        "integer" or "int" or "int4" => NpgsqlDbType.Integer,
        "bigint" or "int8" => NpgsqlDbType.Bigint,
        "numeric" or "decimal" => NpgsqlDbType.Numeric,
        "real" or "float4" => NpgsqlDbType.Real,
        "double precision" or "float8" => NpgsqlDbType.Double,
        "boolean" or "bool" => NpgsqlDbType.Boolean,
        "date" => NpgsqlDbType.Date,
        "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
        "timestamp without time zone" or "timestamp" => NpgsqlDbType.Timestamp,
        "time without time zone" or "time" => NpgsqlDbType.Time,
        "interval" => NpgsqlDbType.Interval,
        "bytea" => NpgsqlDbType.Bytea,
        "uuid" => NpgsqlDbType.Uuid,
        "jsonb" => NpgsqlDbType.Jsonb,
        "json" => NpgsqlDbType.Json,
        "text" or "character varying" or "varchar" or "character" or "char" or "bpchar" or "citext" or "name" => NpgsqlDbType.Text,
        _ => null,
    };

    public static bool HasLengthLimit(string baseName) =>
        baseName is "character varying" or "varchar" or "character" or "char" or "bpchar";

    public static bool IsNumeric(string baseName) => baseName is "numeric" or "decimal";

    public static bool IsTimestampTz(string baseName) => baseName is "timestamp with time zone" or "timestamptz";
}
