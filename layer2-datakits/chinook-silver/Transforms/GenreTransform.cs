using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Silver.Transforms;

/// <summary>Bronze → silver <c>genre</c>: the name trimmed, NULL when blank; no hard rule.</summary>
internal sealed class GenreTransform : Transform<B.Genre, Genre>
{
    public override string Name => "silver_genre";

    public override TransformDefinition<B.Genre, Genre> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<B.Genre>())
            .KeyedBy(b => b.GenreId)
            .Select(b => new Genre { GenreId = b.GenreId, Name = Clean.Text(b.Name) });
    }
}
