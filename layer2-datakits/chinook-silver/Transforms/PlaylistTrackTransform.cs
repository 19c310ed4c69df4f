using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>playlist_track</c> (composite key): quarantines either key missing from the source, or a quarantined track.</summary>
internal sealed class PlaylistTrackTransform : Transform<B.PlaylistTrack, PlaylistTrack>
{
    public override string Name => "silver_playlist_track";

    public override TransformDefinition<B.PlaylistTrack, PlaylistTrack> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var playlists = sources.Set<B.Playlist>();
        var tracks = sources.Set<B.Track>();
        var silverTracks = sources.Set<Track>();
        return From(sources.Set<B.PlaylistTrack>())
            .Rule("orphan_playlist_id", b => playlists.Any(p => p.PlaylistId == b.PlaylistId), "PlaylistId references no playlist in the source.")
            .Rule("orphan_track_id", b => tracks.Any(p => p.TrackId == b.TrackId), "TrackId references no track in the source.")
            .Rule("parent_quarantined", b => silverTracks.Any(p => p.TrackId == b.TrackId), "A referenced row is quarantined.")
            .KeyedBy(b => new { b.PlaylistId, b.TrackId })
            .Select(b => new PlaylistTrack { PlaylistId = b.PlaylistId, TrackId = b.TrackId });
    }
}
