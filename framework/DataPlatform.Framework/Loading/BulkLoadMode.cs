namespace DataPlatform.Framework.Loading;

/// <summary>How <see cref="BulkDataLoader"/> writes rows into the target table.</summary>
public enum BulkLoadMode
{
    /// <summary>Binary COPY straight into the target; every input row becomes a new row.</summary>
    Append,

    /// <summary>
    /// COPY into a temporary table, then one set-based <c>INSERT … ON CONFLICT (key) DO UPDATE</c>: new keys are inserted,
    /// changed rows updated, equal rows left untouched. Duplicate keys in the input: the last one wins.
    /// </summary>
    Upsert,

    /// <summary>
    /// Atomically replaces the whole table content with the input: COPY into a temporary table, then <c>DELETE</c> and
    /// insert in one transaction. Concurrent readers see the old or the new content, never an empty or partial table.
    /// </summary>
    Replace,

    /// <summary>
    /// For reference entities (<see cref="Mixins.IReferenceData"/>): upsert, clear <c>inactivated_date</c> of keys that came
    /// back, and set <c>inactivated_date = now()</c> on active keys missing from the input (soft delete).
    /// </summary>
    Sync,
}
