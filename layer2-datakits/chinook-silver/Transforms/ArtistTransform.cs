using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>artist</c>: the name trimmed, NULL when blank; no hard rule.</summary>
internal sealed class ArtistTransform : Transform<B.Artist, Artist>
{
    public override string Name => "silver_artist";

    public override TransformDefinition<B.Artist, Artist> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Artist>())
            .KeyedBy(b => b.ArtistId)
            .Select(b => new Artist { ArtistId = b.ArtistId, Name = Clean.Text(b.Name) });
    }
}
