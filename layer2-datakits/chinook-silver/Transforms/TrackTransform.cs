using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>
/// Bronze → silver <c>track</c>: quarantines a blank name, a negative price, and an album, media type or genre that is
/// missing from the source (album and genre only when set) or quarantined.
/// </summary>
internal sealed class TrackTransform : Transform<B.Track, Track>
{
    public override string Name => "silver_track";

    public override TransformDefinition<B.Track, Track> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var albums = sources.Set<B.Album>();
        var silverAlbums = sources.Set<Album>();
        var mediaTypes = sources.Set<B.MediaType>();
        var genres = sources.Set<B.Genre>();
        return From(sources.Set<B.Track>())
            .Rule("blank_name", b => !Clean.IsBlank(b.Name), "The name is blank.")
            .Rule("missing_value", b => b.Milliseconds != null && b.UnitPrice != null, "The length or price is missing.")
            .Rule("negative_unit_price", b => b.UnitPrice >= 0, "The unit price is negative.")
            .Rule("orphan_album_id", b => b.AlbumId == null || albums.Any(p => p.AlbumId == b.AlbumId), "AlbumId references no album in the source.")
            .Rule("orphan_media_type_id", b => b.MediaTypeId != null && mediaTypes.Any(p => p.MediaTypeId == b.MediaTypeId), "MediaTypeId references no media type in the source.")
            .Rule("orphan_genre_id", b => b.GenreId == null || genres.Any(p => p.GenreId == b.GenreId), "GenreId references no genre in the source.")
            .Rule("parent_quarantined", b => b.AlbumId == null || silverAlbums.Any(p => p.AlbumId == b.AlbumId), "A referenced row is quarantined.")
            .KeyedBy(b => b.TrackId)
            .Select(b => new Track
            {
                TrackId = b.TrackId,
                Name = b.Name!.Trim(),
                AlbumId = b.AlbumId,
                MediaTypeId = b.MediaTypeId!.Value,
                GenreId = b.GenreId,
                Composer = Clean.Text(b.Composer),
                Milliseconds = b.Milliseconds!.Value,
                Bytes = b.Bytes,
                UnitPrice = b.UnitPrice!.Value,
            });
    }
}
