namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// The check that every row read landed in exactly one place, on the counts the statements measured, made before a table's
/// ledger row is written. A violation throws, so the table's transaction rolls back and its batch fails; nothing is
/// recorded as having succeeded.
/// </summary>
internal static class RowAccounting
{
    /// <summary>Silver and gold: read = written (inserted, updated, already equal) + quarantined.</summary>
    /// <exception cref="InvalidOperationException">The counts disagree.</exception>
    public static void Require(long batchId, string table, long read, long written, long quarantined, string? detail = null)
    {
        if (read != written + quarantined)
        {
            throw new InvalidOperationException(
                $"Batch {batchId}, table {table}: read {read} rows but wrote {written} and quarantined {quarantined} "
                + $"({read - written - quarantined:+#;-#;0} unaccounted for); every row read must be written or quarantined exactly once."
                + (detail is null ? string.Empty : " " + detail));
        }
    }

    /// <summary>Bronze: rows read from the source = rows appended as changed + rows skipped as unchanged.</summary>
    /// <exception cref="InvalidOperationException">The counts disagree.</exception>
    public static void RequireExtracted(long batchId, string table, long read, long appended, long unchanged)
    {
        if (read != appended + unchanged)
        {
            throw new InvalidOperationException(
                $"Batch {batchId}, table {table}: read {read} rows from the source but the table holds {appended} appended by this batch "
                + $"and {unchanged} were skipped as unchanged ({read - appended - unchanged:+#;-#;0} unaccounted for); every row read must be appended or skipped exactly once.");
        }
    }
}
