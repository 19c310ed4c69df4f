namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>How a table's incremental cursor works.</summary>
internal enum CursorKind
{
    /// <summary>Rows with <c>last_update</c> after the cursor minus the safety lag (or a NULL <c>last_update</c>).</summary>
    LastUpdate,

    /// <summary>
    /// <c>payment</c> has no <c>last_update</c>: rows with <c>payment_id</c> above the high-water mark, or a
    /// <c>payment_date</c> after the newest seen payment date minus the safety lag.
    /// </summary>
    Payment,
}
