namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>How many bad rows of one kind the generator planted in one column of one table.</summary>
/// <param name="Table">The table, e.g. <c>rental</c>.</param>
/// <param name="Column">The column that carries the defect, e.g. <c>customer_id</c>.</param>
/// <param name="Kind">The kind of defect.</param>
/// <param name="Count">The number of rows planted. Each bad row carries exactly one defect.</param>
public sealed record PlantedDefect(string Table, string Column, DefectKind Kind, int Count);
