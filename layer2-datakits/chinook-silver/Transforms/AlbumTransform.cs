using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>album</c>: quarantines a blank title or an artist missing from the source.</summary>
internal sealed class AlbumTransform : Transform<B.Album, Album>
{
    public override string Name => "silver_album";

    public override TransformDefinition<B.Album, Album> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var artists = sources.Set<B.Artist>();
        return From(sources.Set<B.Album>())
            .Rule("blank_title", b => !Clean.IsBlank(b.Title), "The title is blank.")
            .Rule("orphan_artist_id", b => b.ArtistId != null && artists.Any(p => p.ArtistId == b.ArtistId), "ArtistId references no artist in the source.")
            .KeyedBy(b => b.AlbumId)
            .Select(b => new Album { AlbumId = b.AlbumId, Title = b.Title!.Trim(), ArtistId = b.ArtistId!.Value });
    }
}
