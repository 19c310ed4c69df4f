using System.Reflection;
using DataPlatform.Framework.Mixins;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Datakits;

/// <summary>
/// Base class of the one EF Core context each datakit layer exposes. It puts every table into the schema
/// computed by <see cref="Naming.SchemaNames"/>, names tables and columns in snake_case and applies the
/// table mixins (<see cref="IReferenceData"/>, <see cref="ITransactionalData"/>, <see cref="ITemporalData"/>,
/// <see cref="IBronzeRecord"/>). Entities are configured with <see cref="IEntityTypeConfiguration{TEntity}"/> classes of the
/// context's assembly (or in <see cref="ConfigureLayer"/>), never inline in <c>OnModelCreating</c>: a transform layer composes
/// its read model from the same configurations of several layers, each in its own schema.
/// </summary>
public abstract class DatakitDbContext : DbContext
{
    private DatakitAttribute? _datakit;

    /// <summary>Creates the context.</summary>
    protected DatakitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The datakit marker of this context, read from its assembly's <see cref="DatakitAttribute"/>.</summary>
    public DatakitAttribute Datakit => _datakit ??= FindDatakit(GetType());

    /// <summary>The database schema of this layer.</summary>
    public string Schema => Datakit.Schema;

    /// <summary>Finds the <see cref="DatakitAttribute"/> that names <paramref name="contextType"/>.</summary>
    /// <exception cref="InvalidOperationException">The context's assembly has no marker for it.</exception>
    internal static DatakitAttribute FindDatakit(Type contextType)
    {
        ArgumentNullException.ThrowIfNull(contextType);
        return contextType.Assembly.GetCustomAttributes<DatakitAttribute>().SingleOrDefault(a => a.ContextType == contextType)
            ?? throw new InvalidOperationException(
                $"{contextType.FullName} has no [assembly: Datakit(..., typeof({contextType.Name}))] marker in {contextType.Assembly.GetName().Name}.");
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureLayer(modelBuilder);
    }

    /// <summary>
    /// Configures this layer's entities, without schemas: by default every <see cref="IEntityTypeConfiguration{TEntity}"/> of
    /// the context's assembly that belongs to it (see <see cref="DatakitConfigurationAttribute"/>). Called for the layer's own
    /// model and, composed with other layers, for the read models of transform layers.
    /// </summary>
    protected virtual void ConfigureLayer(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly, t => IsConfigurationFor(t, GetType()));
    }

    /// <summary>Applies <see cref="ConfigureLayer"/> of this context to another model (a composed read model).</summary>
    internal void ConfigureLayerInto(ModelBuilder modelBuilder) => ConfigureLayer(modelBuilder);

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.AddDataPlatformConventions();
    }

    // A configuration class applies to this context unless it says it belongs to another one
    // (assemblies with several contexts, e.g. test assemblies, mark configurations with [DatakitConfiguration]).
    private static bool IsConfigurationFor(Type configurationType, Type contextType)
    {
        var marker = configurationType.GetCustomAttribute<DatakitConfigurationAttribute>();
        return marker is null || marker.ContextType == contextType;
    }
}
