using System.Globalization;

namespace DataPlatform.Framework.Extraction;

/// <summary>
/// How the extraction engine reads one source table incrementally, declared per table by a datakit (dlt style). Whatever
/// the policy: a re-read row whose latest bronze version has the same record hash is not written again, every run
/// appends a <c>delete</c> row for each key gone from the source (a key-only scan), and a full refresh reads every row.
/// </summary>
public sealed class ExtractionPolicy
{
    private ExtractionPolicy(ExtractionPolicyKind kind, string? column, TimeSpan lag, long lateWindow)
    {
        Kind = kind;
        Column = column;
        Lag = lag;
        LateWindow = lateWindow;
    }

    /// <summary>The kind of policy.</summary>
    public ExtractionPolicyKind Kind { get; }

    /// <summary>The cursor column (<see cref="ExtractionPolicyKind.Cursor"/>) or id column (<see cref="ExtractionPolicyKind.HighWater"/>); null for a snapshot.</summary>
    public string? Column { get; }

    /// <summary>The safety lag of a <see cref="ExtractionPolicyKind.Cursor"/> policy.</summary>
    public TimeSpan Lag { get; }

    /// <summary>The late window of a <see cref="ExtractionPolicyKind.HighWater"/> policy.</summary>
    public long LateWindow { get; }

    /// <summary>
    /// Reads rows whose <paramref name="column"/> (a <c>timestamp</c> or <c>timestamptz</c> source column) is greater than
    /// the newest value read so far minus <paramref name="lag"/>, or NULL. The lag catches rows that commit late with an
    /// older timestamp; a row committed with a value older than the cursor minus the lag is only caught by a full refresh.
    /// The cursor is stored in the ledger as JSON, e.g. <c>{"last_update":"2022-02-15T09:34:33.000000Z"}</c>.
    /// </summary>
    /// <param name="column">The source column name (snake_case, as in bronze).</param>
    /// <param name="lag">The safety lag (zero or more).</param>
    public static ExtractionPolicy Cursor(string column, TimeSpan lag)
    {
        Naming.SqlIdentifier.Validate(column, "Cursor column");
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, TimeSpan.Zero);
        return new ExtractionPolicy(ExtractionPolicyKind.Cursor, column, lag, 0);
    }

    /// <summary>
    /// For insert-mostly tables with an increasing integer id and no change timestamp: reads rows whose
    /// <paramref name="idColumn"/> (<c>smallint</c>, <c>integer</c> or <c>bigint</c>) is greater than the highest id read so
    /// far minus <paramref name="lateWindow"/>. So the last <paramref name="lateWindow"/> ids below the high-water mark are
    /// re-read (a sequence value taken earlier but committed later, or an update of a recent row, is caught); older
    /// updates are only caught by a full refresh. The cursor is stored as JSON, e.g. <c>{"payment_id":16049}</c>.
    /// </summary>
    /// <param name="idColumn">The id column name.</param>
    /// <param name="lateWindow">How many ids below the high-water mark are re-read (zero or more).</param>
    public static ExtractionPolicy HighWater(string idColumn, long lateWindow)
    {
        Naming.SqlIdentifier.Validate(idColumn, "High-water column");
        ArgumentOutOfRangeException.ThrowIfNegative(lateWindow);
        return new ExtractionPolicy(ExtractionPolicyKind.HighWater, idColumn, TimeSpan.Zero, lateWindow);
    }

    /// <summary>
    /// For tables with no usable cursor: reads the whole table on every run, compares each row's record hash with the
    /// latest bronze version of its key, and appends only new and changed rows.
    /// </summary>
    public static ExtractionPolicy Snapshot() => new(ExtractionPolicyKind.Snapshot, null, TimeSpan.Zero, 0);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ExtractionPolicyKind.Cursor => $"Cursor({Column}, {Lag.ToString("c", CultureInfo.InvariantCulture)})",
        ExtractionPolicyKind.HighWater => $"HighWater({Column}, {LateWindow.ToString(CultureInfo.InvariantCulture)})",
        _ => "Snapshot()",
    };
}
