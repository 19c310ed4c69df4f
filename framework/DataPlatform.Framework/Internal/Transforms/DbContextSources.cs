using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Binds a transform's source sets to the <c>DbSet</c>s of one source context (the in-server path).</summary>
internal sealed class DbContextSources(DbContext context) : ITransformSources
{
    public DbContext Context { get; } = context;

    public IQueryable<T> Set<T>()
        where T : class
    {
        if (Context.Model.FindEntityType(typeof(T)) is null)
        {
            throw new TransformBuildException(
                $"Entity {typeof(T).Name} is not in the model of the source context {Context.GetType().Name}. A transform reads from one " +
                "DbContext (EF Core cannot mix contexts in one query): map every entity the transform reads into that context.");
        }

        return Context.Set<T>();
    }
}
