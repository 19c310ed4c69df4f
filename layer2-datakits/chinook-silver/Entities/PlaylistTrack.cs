namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>PlaylistTrack</c>: a track on a playlist; key (<c>playlist_id</c>, <c>track_id</c>). Source deletes become soft deletes.</summary>
public sealed class PlaylistTrack : SilverRecord
{
    /// <summary>The playlist (foreign key).</summary>
    public int PlaylistId { get; set; }

    /// <summary>The track (foreign key).</summary>
    public int TrackId { get; set; }
}
