using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>media_type</c>: the name trimmed, NULL when blank; no hard rule.</summary>
internal sealed class MediaTypeTransform : Transform<B.MediaType, MediaType>
{
    public override string Name => "silver_media_type";

    public override TransformDefinition<B.MediaType, MediaType> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.MediaType>())
            .KeyedBy(b => b.MediaTypeId)
            .Select(b => new MediaType { MediaTypeId = b.MediaTypeId, Name = Clean.Text(b.Name) });
    }
}
