using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>
/// Silver → gold <c>bridge_playlist_track</c> (upsert on (<c>playlist_id</c>, <c>track_key</c>)): one row per live playlist
/// link. The layer mirrors the rows that pass: a link removed in the source leaves the bridge.
/// </summary>
internal sealed class BridgePlaylistTrackTransform : Transform<PlaylistTrackInput, BridgePlaylistTrack>
{
    public override string Name => "gold_bridge_playlist_track";

    public override TransformDefinition<PlaylistTrackInput, BridgePlaylistTrack> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var tracks = sources.Set<DimTrack>();
        var rows =
            from l in sources.Set<PlaylistTrack>()
            join p in sources.Set<Playlist>() on l.PlaylistId equals p.PlaylistId
            where l.InactivatedDate == null
            from t in tracks.LookUp(d => d.TrackId == l.TrackId)
            select new PlaylistTrackInput
            {
                PlaylistId = l.PlaylistId,
                TrackId = l.TrackId,
                PlaylistName = p.Name,
                TrackKey = (long?)t!.TrackKey,
            };

        return From(rows)
            .Rule("unknown_track", x => x.TrackKey != null, "The track is not in dim_track.")
            .KeyedBy(x => new { x.PlaylistId, x.TrackId })
            .Select(x => new BridgePlaylistTrack { PlaylistId = x.PlaylistId, TrackKey = x.TrackKey!.Value, PlaylistName = x.PlaylistName });
    }
}
