namespace DataPlatform.Framework.Ledger;

/// <summary>One row that still fails a rule: an open entry of the quarantine table.</summary>
/// <param name="TableName">The target table, <c>schema.table</c>.</param>
/// <param name="Rule">The first rule the row failed.</param>
/// <param name="RowKey">The row's key members joined by <c>|</c>.</param>
/// <param name="Message">The rule's message.</param>
/// <param name="RawRow">The source row as it was read, as JSON.</param>
/// <param name="FirstBatchId">The batch that first quarantined the row for this rule.</param>
/// <param name="LastSeenBatchId">The latest batch that found the row still failing.</param>
public sealed record QuarantinedRow(string TableName, string Rule, string RowKey, string Message, string RawRow, long FirstBatchId, long LastSeenBatchId);
