namespace DataPlatform.Datakits.Chinook.Source.Entities;

/// <summary>A row of <c>public.playlist_track</c>; primary key (<c>playlist_id</c>, <c>track_id</c>).</summary>
public sealed class PlaylistTrack
{
    /// <summary><c>playlist_id integer NOT NULL</c>, references <c>playlist</c>.</summary>
    public int PlaylistId { get; set; }

    /// <summary><c>track_id integer NOT NULL</c>, references <c>track</c>.</summary>
    public int TrackId { get; set; }
}
