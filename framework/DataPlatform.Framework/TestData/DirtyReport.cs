namespace DataPlatform.Framework.TestData;

/// <summary>
/// Exactly which bad rows a synthetic-source generator plants: one entry per table, column and kind. The report is known
/// before any row is generated; every bad row carries exactly one defect, so the counts add up to bad rows.
/// </summary>
/// <typeparam name="TKind">The generator's enum of defect kinds.</typeparam>
public sealed class DirtyReport<TKind>
    where TKind : struct, Enum
{
    /// <summary>Creates the report of the given plans.</summary>
    public DirtyReport(IEnumerable<DefectPlan<TKind>> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        Defects = plans.SelectMany(p => p.Planted()).ToList();
    }

    /// <summary>Every (table, column, kind) with at least one planted row.</summary>
    public IReadOnlyList<PlantedDefect<TKind>> Defects { get; }

    /// <summary>The number of bad rows over all tables and kinds.</summary>
    public int Total => Defects.Sum(d => d.Count);

    /// <summary>The number of bad rows of one kind over all tables.</summary>
    public int CountOf(TKind kind) => Defects.Where(d => EqualityComparer<TKind>.Default.Equals(d.Kind, kind)).Sum(d => d.Count);

    /// <summary>The number of bad rows in one table.</summary>
    public int CountIn(string table) => Defects.Where(d => string.Equals(d.Table, table, StringComparison.Ordinal)).Sum(d => d.Count);

    /// <summary>The number of bad rows of one kind in one column of one table (0 when none).</summary>
    public int CountOf(string table, string column, TKind kind) =>
        Defects.Where(d => EqualityComparer<TKind>.Default.Equals(d.Kind, kind) && string.Equals(d.Table, table, StringComparison.Ordinal)
                           && string.Equals(d.Column, column, StringComparison.Ordinal)).Sum(d => d.Count);
}
