namespace DataPlatform.Framework.Ledger;

/// <summary>The open quarantine entries of one target table and rule.</summary>
/// <param name="TableName">The target table, <c>schema.table</c>.</param>
/// <param name="Rule">The rule the rows fail.</param>
/// <param name="Rows">How many rows fail it.</param>
/// <param name="FirstBatchId">The batch that first quarantined one of them.</param>
/// <param name="LastSeenBatchId">The latest batch that found one of them failing.</param>
public sealed record OpenQuarantine(string TableName, string Rule, long Rows, long FirstBatchId, long LastSeenBatchId);
