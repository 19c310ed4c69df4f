using System.Globalization;

namespace DataPlatform.Framework.Loading;

/// <summary>Cheap per-value checks called from the compiled row writers, so bad rows fail with the column named.</summary>
internal static class RowChecks
{
    private static readonly decimal[] s_powersOfTen = BuildPowers();

    public static void NullIntoNotNull(string column) =>
        throw new RowValueException(column, "NULL into a NOT NULL column.");

    public static string Length(string value, int maxLength, string column)
    {
        // PostgreSQL counts characters (code points); UTF-16 length only over-counts, so count exactly only when it matters.
        if (value.Length > maxLength)
        {
            var codePoints = value.EnumerateRunes().Count();
            if (codePoints > maxLength)
            {
                throw new RowValueException(column, $"Text of {codePoints} characters is too long for the column's {maxLength}-character limit.");
            }
        }

        return value;
    }

    public static decimal Numeric(decimal value, int precision, int scale, string column)
    {
        var integerDigits = precision - scale;
        if (integerDigits is >= 0 and < 29)
        {
            var rounded = Math.Round(Math.Abs(value), Math.Min(scale, 28), MidpointRounding.AwayFromZero);
            if (rounded >= s_powersOfTen[integerDigits])
            {
                throw new RowValueException(
                    column,
                    $"Numeric overflow: {value.ToString(CultureInfo.InvariantCulture)} does not fit numeric({precision},{scale}) (at most {integerDigits} digits before the decimal point).");
            }
        }

        return value;
    }

    public static DateTime Utc(DateTime value, string column)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new RowValueException(
                column,
                $"DateTime {value.ToString("O", CultureInfo.InvariantCulture)} has Kind={value.Kind}; timestamptz columns take UTC values only (convert with ToUniversalTime or DateTime.SpecifyKind), the loader never shifts times silently.");
        }

        return value;
    }

    private static decimal[] BuildPowers()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }
}
