using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>playlist</c>: the name trimmed, NULL when blank; no hard rule.</summary>
internal sealed class PlaylistTransform : Transform<B.Playlist, Playlist>
{
    public override string Name => "silver_playlist";

    public override TransformDefinition<B.Playlist, Playlist> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Playlist>())
            .KeyedBy(b => b.PlaylistId)
            .Select(b => new Playlist { PlaylistId = b.PlaylistId, Name = Clean.Text(b.Name) });
    }
}
