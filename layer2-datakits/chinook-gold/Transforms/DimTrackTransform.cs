using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Chinook.Gold.Transforms;

/// <summary>
/// Silver → gold <c>dim_track</c> (type 1, upsert on <c>track_id</c>): album title, artist, genre and media type names
/// (NULL when the track has none) and the number of live playlist links. Every silver track is mirrored.
/// </summary>
internal sealed class DimTrackTransform : Transform<Track, DimTrack>
{
    public override string Name => "gold_dim_track";

    public override TransformDefinition<Track, DimTrack> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var albums = sources.Set<Album>();
        var artists = sources.Set<Artist>();
        var genres = sources.Set<Genre>();
        var mediaTypes = sources.Set<MediaType>();
        var links = sources.Set<PlaylistTrack>();
        return From(sources.Set<Track>()).Select(t => new DimTrack
        {
            TrackId = t.TrackId,
            TrackName = t.Name,
            AlbumId = t.AlbumId,
            AlbumTitle = albums.Where(a => a.AlbumId == t.AlbumId).Select(a => a.Title).FirstOrDefault(),
            ArtistName = artists.Where(r => r.ArtistId == albums.Where(a => a.AlbumId == t.AlbumId).Select(a => a.ArtistId).FirstOrDefault()).Select(r => r.Name).FirstOrDefault(),
            GenreName = genres.Where(g => g.GenreId == t.GenreId).Select(g => g.Name).FirstOrDefault(),
            MediaTypeName = mediaTypes.Where(m => m.MediaTypeId == t.MediaTypeId).Select(m => m.Name).FirstOrDefault(),
            Composer = t.Composer,
            Milliseconds = t.Milliseconds,
            Bytes = t.Bytes,
            UnitPrice = t.UnitPrice,
            PlaylistCount = links.Count(l => l.TrackId == t.TrackId && l.InactivatedDate == null),
        });
    }
}
