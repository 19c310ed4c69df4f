namespace DataPlatform.Framework.TestData;

/// <summary>How many bad rows of one kind a generator planted in one column of one table.</summary>
/// <typeparam name="TKind">The generator's enum of defect kinds.</typeparam>
/// <param name="Table">The table, e.g. <c>rental</c>.</param>
/// <param name="Column">The column that carries the defect, e.g. <c>customer_id</c>.</param>
/// <param name="Kind">The kind of defect.</param>
/// <param name="Count">The number of rows planted. Each bad row carries exactly one defect.</param>
public sealed record PlantedDefect<TKind>(string Table, string Column, TKind Kind, int Count)
    where TKind : struct, Enum;
