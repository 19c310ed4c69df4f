
namespace DataPlatform.Framework.Transforms;

/// <summary>
/// Where a transform reads its input: <see cref="Set{T}"/> returns the rows of one entity of the layer below, either a
/// <c>DbSet</c> of the source <see cref="Microsoft.EntityFrameworkCore.DbContext"/> (in-server run) or an in-memory list
/// (<see cref="InMemorySources"/>). Write the transform once against this interface and both paths run it.
/// </summary>
public interface ITransformSources
{
    /// <summary>The rows of entity <typeparamref name="T"/>.</summary>
    IQueryable<T> Set<T>()
        where T : class;
}
