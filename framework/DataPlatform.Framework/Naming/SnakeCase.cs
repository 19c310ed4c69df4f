using System.Globalization;
using System.Text;

namespace DataPlatform.Framework.Naming;

/// <summary>Converts .NET names to PostgreSQL snake_case: <c>FilmActor</c> → <c>film_actor</c>, <c>CustomerID</c> → <c>customer_id</c>.</summary>
public static class SnakeCase
{
    /// <summary>Converts a PascalCase or camelCase name to snake_case.</summary>
    public static string Convert(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                var previousIsUpper = i > 0 && char.IsUpper(name[i - 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLowerOrDigit || (previousIsUpper && nextIsLower)))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
