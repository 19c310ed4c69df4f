using System.Text;

namespace DataPlatform.Framework.Schema;

/// <summary>Renders differences as one SQL script: a comment line naming each difference, then its SQL.</summary>
internal static class SchemaScript
{
    /// <summary>Renders <paramref name="differences"/> in the given order.</summary>
    public static string Render(IEnumerable<SchemaDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var builder = new StringBuilder();
        foreach (var difference in differences)
        {
            builder.Append("-- ").Append(difference.ToString().ReplaceLineEndings(" ")).Append('\n');
            builder.Append(difference.Sql.TrimEnd()).Append("\n\n");
        }

        return builder.ToString();
    }
}
