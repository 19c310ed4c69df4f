namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>What one silver table received in a run. <c>RowsRead = RowsWritten + RowsQuarantined</c>.</summary>
/// <param name="Table">The silver table, schema-qualified (<c>sl__pagila.film</c>).</param>
/// <param name="RowsRead">Bronze rows read: the latest not-yet-applied upsert per key (new, changed or previously quarantined) plus the source deletes applied.</param>
/// <param name="RowsWritten">Rows inserted, updated, left equal or soft-deleted.</param>
/// <param name="RowsQuarantined">Rows written to the quarantine table (<c>dataplatform.quarantine</c>).</param>
/// <param name="RowsDeleted">Of <paramref name="RowsWritten"/>, the rows soft-deleted (source deletes).</param>
public sealed record PagilaSilverTableResult(string Table, long RowsRead, long RowsWritten, long RowsQuarantined, long RowsDeleted);
