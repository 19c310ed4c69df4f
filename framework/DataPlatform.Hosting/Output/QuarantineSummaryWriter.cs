using System.Globalization;
using DataPlatform.Framework.Pipelines;
using Spectre.Console;

namespace DataPlatform.Hosting.Output;

/// <summary>
/// The last lines of a run's summary: how many rows the batch quarantined, the rules that caught most of them, and the
/// one command that shows the rows.
/// </summary>
internal static class QuarantineSummaryWriter
{
    private const int TopRules = 5;

    public static void Write(IAnsiConsole console, PipelineResult result, string rejectionLayer, string showCommand)
    {
        var quarantined = result.Tables.Sum(t => t.RowsQuarantined);
        console.WriteLine();
        if (quarantined == 0)
        {
            console.WriteLine("Quarantine: no row failed a rule.");
            return;
        }

        var read = result.Tables.Where(t => t.Layer == rejectionLayer).Sum(t => t.RowsRead);
        var share = read == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({100.0 * quarantined / read:0.0#} % of the {read:N0} rows {rejectionLayer} read)");
        var rules = result.Tables
            .Where(t => t.RowsQuarantined > 0)
            .SelectMany(t => ByRule(t).Select(r => (Table: $"{t.Layer} {t.Table}", r.Rule, r.Rows)))
            .OrderByDescending(r => r.Rows)
            .ThenBy(r => r.Table, StringComparer.Ordinal)
            .ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Quarantine: {quarantined:N0} rows failed a rule{share}. Top rules:"));
        var tableWidth = rules.Take(TopRules).Max(r => r.Table.Length);
        var ruleWidth = rules.Take(TopRules).Max(r => r.Rule.Length);
        foreach (var (table, rule, rows) in rules.Take(TopRules))
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table.PadRight(tableWidth)}  {rule.PadRight(ruleWidth)}  {rows,8:N0}"));
        }

        if (rules.Count > TopRules)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... {rules.Count - TopRules} more rules, {rules.Skip(TopRules).Sum(r => r.Rows):N0} rows"));
        }

        console.WriteLine($"Show the rows: {showCommand}");
    }

    // Layers that do not name the rules (not transform layers) count their rows under one line.
    private static IEnumerable<(string Rule, long Rows)> ByRule(TableResult table)
    {
        foreach (var (rule, rows) in table.RowsQuarantinedByRule)
        {
            yield return (rule, rows);
        }

        var unnamed = table.RowsQuarantined - table.RowsQuarantinedByRule.Values.Sum();
        if (unnamed > 0)
        {
            yield return ("(rule not reported)", unnamed);
        }
    }
}
