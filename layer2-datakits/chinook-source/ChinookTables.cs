namespace DataPlatform.Datakits.Chinook.Source;

/// <summary>The names of the 11 Chinook tables (schema <c>public</c>), referenced tables first, and the real dump's row counts.</summary>
public static class ChinookTables
{
    /// <summary>All 11 tables, referenced tables before the tables that reference them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "artist", "album", "genre", "media_type", "track", "playlist", "playlist_track", "employee", "customer", "invoice", "invoice_line",
    ];

    /// <summary>The row counts of the real Chinook dump (<c>../shared/chinook/chinook.sql</c>, v1.4.5).</summary>
    public static IReadOnlyDictionary<string, int> RealRowCounts { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["artist"] = 275, ["album"] = 347, ["genre"] = 25, ["media_type"] = 5, ["track"] = 3503, ["playlist"] = 18,
        ["playlist_track"] = 8715, ["employee"] = 8, ["customer"] = 59, ["invoice"] = 412, ["invoice_line"] = 2240,
    };
}
