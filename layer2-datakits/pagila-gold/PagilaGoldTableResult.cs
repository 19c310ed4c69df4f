using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>What one gold table received in a run. <c>RowsRead = RowsWritten + RowsQuarantined</c>.</summary>
/// <param name="Table">The gold table, schema-qualified (<c>gl__pagila.fact_rental</c>).</param>
/// <param name="RowsRead">Input rows: live silver rows (dimensions: every silver row; <c>dim_date</c>: calendar days).</param>
/// <param name="RowsWritten">Input rows now represented in the table: inserted, updated or already equal.</param>
/// <param name="RowsInserted">Rows inserted (<c>dim_customer</c>: versions opened, first or new).</param>
/// <param name="RowsUpdated">Rows whose values changed (<c>dim_customer</c>: versions closed, changed or deleted customers).</param>
/// <param name="RowsDeleted">Rows removed: facts of soft-deleted silver rows, <c>dim_date</c> days outside the range.</param>
/// <param name="RowsQuarantined">Rows written to the quarantine table (facts whose dimension member is missing).</param>
/// <param name="Scd2">For <c>dim_customer</c>, the SCD2 merge's own counts (first, new, closed versions); null otherwise.</param>
public sealed record PagilaGoldTableResult(
    string Table,
    long RowsRead,
    long RowsWritten,
    long RowsInserted,
    long RowsUpdated,
    long RowsDeleted,
    long RowsQuarantined,
    Scd2Result? Scd2 = null);
