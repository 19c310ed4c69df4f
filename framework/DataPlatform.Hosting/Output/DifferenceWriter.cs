using DataPlatform.Framework.Schema;

namespace DataPlatform.Hosting.Output;

/// <summary>Prints schema differences as plain text: one line per difference, then its SQL indented.</summary>
internal static class DifferenceWriter
{
    public static async Task WriteAsync(TextWriter output, IEnumerable<SchemaDifference> differences)
    {
        foreach (var difference in differences)
        {
            await output.WriteLineAsync($"  {difference}");
            foreach (var line in difference.Sql.Split('\n'))
            {
                await output.WriteLineAsync($"      {line}");
            }
        }
    }
}
