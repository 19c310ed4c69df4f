
namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>What an SCD type 2 merge did.</summary>
/// <param name="Transform">The transform name.</param>
/// <param name="Table">The dimension table (<c>schema.table</c>).</param>
/// <param name="RowsRead">Input rows (current-state rows plus quarantined rows).</param>
/// <param name="FirstVersions">Keys seen for the first time: a version valid from <see cref="Framework.Transforms.Scd2Options.BeginningOfTime"/>.</param>
/// <param name="NewVersions">Keys whose tracked attributes changed (or that came back after a delete): the current version was closed at the run time and a new one opened.</param>
/// <param name="Closed">Current versions closed without a successor because their key disappeared from the source.</param>
/// <param name="Unchanged">Keys whose current version already matched.</param>
/// <param name="RowsQuarantined">Rows written to the quarantine table.</param>
/// <param name="Elapsed">Wall time of the merge.</param>
internal sealed record Scd2Result(
    string Transform,
    string Table,
    long RowsRead,
    long FirstVersions,
    long NewVersions,
    long Closed,
    long Unchanged,
    long RowsQuarantined,
    TimeSpan Elapsed);
