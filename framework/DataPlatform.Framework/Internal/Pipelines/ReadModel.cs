using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Internal.Transforms;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// The model a transform layer reads through: the entity configurations of the layers it reads and writes, each put in
/// its own layer's schema (EF Core cannot mix contexts in one query), plus the layer's extra query entities. One instance
/// per layer, so EF Core builds and caches the model once (<see cref="ReadModelCacheKeyFactory"/>). With
/// <paramref name="rowVersions"/>, every table also has its <c>xmin</c> (<see cref="RowVersions"/>): the model incremental
/// runs find changed rows with, kept apart so ordinary queries never select it.
/// </summary>
internal sealed class ReadModel(IReadOnlyList<Type> contextTypes, Action<ModelBuilder>? extra, bool rowVersions = false)
{
    public IReadOnlyList<Type> ContextTypes { get; } = contextTypes;

    public void Configure(ModelBuilder modelBuilder)
    {
        foreach (var contextType in ContextTypes)
        {
            var before = modelBuilder.Model.GetEntityTypes().ToHashSet();
            using (var layer = DatakitContexts.ForModel(contextType))
            {
                if (layer is not DatakitDbContext datakit)
                {
                    throw new InvalidOperationException($"{contextType.Name} is not a DatakitDbContext: a transform layer reads datakit layers only.");
                }

                datakit.ConfigureLayerInto(modelBuilder);
                foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => !before.Contains(e) && e.GetSchema() is null))
                {
                    entityType.SetSchema(datakit.Schema);
                }
            }
        }

        extra?.Invoke(modelBuilder);
        if (rowVersions)
        {
            RowVersions.Map(modelBuilder);
        }
    }
}
