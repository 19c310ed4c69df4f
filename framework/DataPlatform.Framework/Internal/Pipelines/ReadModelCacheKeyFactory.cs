using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>Caches one model per <see cref="ReadModel"/> instance instead of one per context type.</summary>
internal sealed class ReadModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is LayerReadContext read ? (read.ReadModel, designTime) : (context.GetType(), designTime);
}
