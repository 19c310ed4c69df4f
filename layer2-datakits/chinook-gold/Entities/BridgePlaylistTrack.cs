namespace DataPlatform.Datakits.Chinook.Gold;

/// <summary>Gold <c>bridge_playlist_track</c>: the many-to-many link of playlists and tracks; key (<c>playlist_id</c>, <c>track_key</c>).</summary>
public sealed class BridgePlaylistTrack
{
    /// <summary>The playlist's natural key.</summary>
    public int PlaylistId { get; set; }

    /// <summary>The track (<see cref="DimTrack"/>).</summary>
    public long TrackKey { get; set; }

    /// <summary>The playlist's name.</summary>
    public string? PlaylistName { get; set; }
}
