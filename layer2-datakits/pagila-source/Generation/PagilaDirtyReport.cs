namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>
/// Exactly which bad rows a <see cref="PagilaGenerator"/> plants: one entry per table, column and kind. The report is
/// known before any row is generated; every bad row carries exactly one defect, so the counts add up to bad rows.
/// </summary>
public sealed class PagilaDirtyReport
{
    internal PagilaDirtyReport(IReadOnlyList<PlantedDefect> defects) => Defects = defects;

    /// <summary>Every (table, column, kind) with at least one planted row.</summary>
    public IReadOnlyList<PlantedDefect> Defects { get; }

    /// <summary>The number of bad rows over all tables and kinds.</summary>
    public int Total => Defects.Sum(d => d.Count);

    /// <summary>The number of bad rows of one kind over all tables.</summary>
    public int CountOf(DefectKind kind) => Defects.Where(d => d.Kind == kind).Sum(d => d.Count);

    /// <summary>The number of bad rows in one table.</summary>
    public int CountIn(string table) => Defects.Where(d => string.Equals(d.Table, table, StringComparison.Ordinal)).Sum(d => d.Count);

    /// <summary>The number of bad rows of one kind in one column of one table (0 when none).</summary>
    public int CountOf(string table, string column, DefectKind kind) =>
        Defects.Where(d => d.Kind == kind && string.Equals(d.Table, table, StringComparison.Ordinal)
                           && string.Equals(d.Column, column, StringComparison.Ordinal)).Sum(d => d.Count);
}
