
namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>What an in-server transform run did. <c>RowsRead = RowsWritten + RowsQuarantined</c>.</summary>
/// <param name="Transform">The transform name.</param>
/// <param name="Table">The target table (<c>schema.table</c>).</param>
/// <param name="RowsRead">Input rows.</param>
/// <param name="RowsWritten">Rows that passed every rule and are now in the target (inserted, updated or already equal).</param>
/// <param name="RowsInserted">Rows inserted.</param>
/// <param name="RowsUpdated">Existing rows whose values changed.</param>
/// <param name="RowsUnchanged">Existing rows that were already equal and were left untouched.</param>
/// <param name="RowsQuarantined">Rows written to the quarantine table.</param>
/// <param name="Elapsed">Wall time of the run.</param>
internal sealed record TransformResult(
    string Transform,
    string Table,
    long RowsRead,
    long RowsWritten,
    long RowsInserted,
    long RowsUpdated,
    long RowsUnchanged,
    long RowsQuarantined,
    TimeSpan Elapsed)
{
    /// <summary>Target rows deleted because the transform no longer produces their key (<see cref="TransformRunOptions.RemoveMissing"/>).</summary>
    public long RowsDeleted { get; init; }
}
