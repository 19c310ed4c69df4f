using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>The read-only context a transform layer's transforms read from (see <see cref="ReadModel"/>).</summary>
internal sealed class LayerReadContext(DbContextOptions<LayerReadContext> options, ReadModel readModel) : DbContext(options)
{
    public ReadModel ReadModel { get; } = readModel;

    public static LayerReadContext Create(ReadModel readModel, Action<DbContextOptionsBuilder<LayerReadContext>> configure)
    {
        var builder = new DbContextOptionsBuilder<LayerReadContext>()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .ReplaceService<IModelCacheKeyFactory, ReadModelCacheKeyFactory>();
        configure(builder);
        return new LayerReadContext(builder.Options, readModel);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.AddDataPlatformConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => ReadModel.Configure(modelBuilder);
}
