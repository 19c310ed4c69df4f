namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>Gold <c>dim_track</c> (type 1): a track with its album, artist, genre and media type names and the number of playlists holding it.</summary>
public sealed class DimTrack
{
    /// <summary>Surrogate key.</summary>
    public long TrackKey { get; set; }

    /// <summary>The natural key.</summary>
    public int TrackId { get; set; }

    /// <summary>The track name.</summary>
    public string TrackName { get; set; } = string.Empty;

    /// <summary>The album's natural key.</summary>
    public int? AlbumId { get; set; }

    /// <summary>The album title.</summary>
    public string? AlbumTitle { get; set; }

    /// <summary>The album artist's name.</summary>
    public string? ArtistName { get; set; }

    /// <summary>The genre.</summary>
    public string? GenreName { get; set; }

    /// <summary>The media type.</summary>
    public string? MediaTypeName { get; set; }

    /// <summary>The composer.</summary>
    public string? Composer { get; set; }

    /// <summary>The length.</summary>
    public int Milliseconds { get; set; }

    /// <summary>The size.</summary>
    public int? Bytes { get; set; }

    /// <summary>The price, numeric(10,2).</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>The number of distinct playlists holding the track.</summary>
    public int PlaylistCount { get; set; }
}
