namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>Options of one <see cref="PagilaBronzeExtractor"/> run.</summary>
public sealed record PagilaBronzeOptions
{
    /// <summary>The default <see cref="SafetyLag"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultSafetyLag = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Re-extract every source row regardless of the cursors (a full snapshot appended to bronze) and record source
    /// deletes: keys whose latest bronze version is an upsert but that are absent from the snapshot get a <c>delete</c> row.
    /// </summary>
    public bool FullRefresh { get; init; }

    /// <summary>
    /// How far behind its cursor an incremental read starts, so that a row committed late with an older
    /// <c>last_update</c> (or <c>payment_date</c>) is still picked up. Rows re-read inside the window are not duplicated:
    /// a row whose latest bronze version has the same record hash is skipped. Default <see cref="DefaultSafetyLag"/>.
    /// </summary>
    public TimeSpan SafetyLag { get; init; } = DefaultSafetyLag;

    /// <summary>How many tables are extracted at the same time (each on its own source and warehouse connection). Default 2.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;

    /// <summary>Restricts the run to these source tables (names as in <c>PagilaTables</c>); null: all 15.</summary>
    public IReadOnlyCollection<string>? Tables { get; init; }
}
