namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>The input row of <see cref="BridgePlaylistTrackTransform"/>: a live link, its playlist's name and the track's key (NULL when missing from gold).</summary>
internal sealed class PlaylistTrackInput
{
    public int PlaylistId { get; init; }

    public int TrackId { get; init; }

    public string? PlaylistName { get; init; }

    public long? TrackKey { get; init; }
}
