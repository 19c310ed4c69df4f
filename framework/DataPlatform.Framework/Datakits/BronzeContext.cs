using System.Reflection;
using DataPlatform.Framework.Mixins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Framework.Datakits;

/// <summary>
/// Base class of a bronze layer whose entities are <see cref="BronzeOfAttribute"/> mirrors of a source contract. The
/// bronze model is built from the source context's EF Core model, so the bronze datakit maps no column itself: every
/// <c>[BronzeOf]</c> entity of the derived context's assembly (and of its <see cref="DbSet{TEntity}"/> properties) gets
/// the source entity's table name, the source columns' names and store types (an enum column becomes <c>text</c>: bronze
/// keeps the label; a <c>timestamp without time zone</c> becomes <c>timestamptz</c>: its wall-clock time is read as UTC), every column nullable except the source key, no key in the database (bronze is append-only) and the
/// source key as a model annotation. The bronze metadata columns come from the <see cref="IBronzeRecord"/> mixin.
/// The source context is found through the <c>[assembly: Datakit(system, DatakitLayer.Source, typeof(…))]</c> marker of
/// the source entity's assembly.
/// </summary>
public abstract class BronzeContext : DatakitDbContext
{
    /// <summary>Creates the context.</summary>
    protected BronzeContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void ConfigureLayer(ModelBuilder modelBuilder)
    {
        base.ConfigureLayer(modelBuilder);
        var sourceModels = new Dictionary<Assembly, IReadOnlyList<IModel>>();
        foreach (var (bronzeType, bronzeOf) in BronzeEntities())
        {
            if (!sourceModels.TryGetValue(bronzeOf.Source.Assembly, out var models))
            {
                models = SourceModels(bronzeOf.Source.Assembly);
                sourceModels.Add(bronzeOf.Source.Assembly, models);
            }

            var source = models.Select(m => m.FindEntityType(bronzeOf.Source)).FirstOrDefault(e => e is not null)
                ?? throw new InvalidOperationException(
                    $"{bronzeType.FullName} mirrors {bronzeOf.Source.FullName}, which no source context of {bronzeOf.Source.Assembly.GetName().Name} maps.");
            Mirror(modelBuilder.Entity(bronzeType), source, bronzeOf.Key);
        }
    }

    private static void Mirror(EntityTypeBuilder bronze, IEntityType source, IReadOnlyList<string> key)
    {
        var tableName = source.GetTableName()
            ?? throw new InvalidOperationException($"Source entity {source.DisplayName()} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, source.GetSchema());
        var sourceEnums = source.Model.GetPostgresEnums().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        bronze.ToTable(tableName);
        bronze.HasNoKey();
        foreach (var sourceProperty in source.GetProperties())
        {
            if (bronze.Metadata.ClrType.GetProperty(sourceProperty.Name, BindingFlags.Public | BindingFlags.Instance) is null)
            {
                continue;
            }

            var columnType = sourceProperty.GetColumnType(table);
            var property = bronze.Property(sourceProperty.Name);
            property.HasColumnName(sourceProperty.GetColumnName(table));
            property.HasColumnType(IsEnum(sourceProperty, columnType, sourceEnums) ? "text" : IsLocalTimestamp(columnType) ? "timestamp with time zone" : columnType);
            if (IsLocalTimestamp(columnType))
            {
                property.HasAnnotation(MixinAnnotations.BronzeSourceStoreType, columnType);
            }

            property.IsRequired(key.Contains(sourceProperty.Name, StringComparer.Ordinal));
        }

        bronze.HasBronzeSourceKey(key);
    }

    // A timestamp without time zone is kept as timestamptz: both send the same binary COPY value (microseconds since
    // 2000-01-01), so forwarding the source's bytes reads its wall-clock time as UTC, as every timestamp downstream is.
    private static bool IsLocalTimestamp(string columnType) =>
        columnType.StartsWith("timestamp", StringComparison.Ordinal) && columnType.EndsWith("without time zone", StringComparison.Ordinal)
        || string.Equals(columnType, "timestamp", StringComparison.Ordinal);

    // An enum column (a CLR enum, or a column typed as one of the source's PostgreSQL enums) is stored as its label.
    private static bool IsEnum(IProperty property, string columnType, HashSet<string> sourceEnums) =>
        (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType).IsEnum
        || sourceEnums.Contains(columnType.Split('.')[^1].Trim('"'));


    private IEnumerable<(Type Type, BronzeOfAttribute BronzeOf)> BronzeEntities()
    {
        var dbSetTypes = GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]);
        return GetType().Assembly.GetTypes().Concat(dbSetTypes)
            .Distinct()
            .Select(t => (Type: t, BronzeOf: t.GetCustomAttribute<BronzeOfAttribute>()))
            .Where(t => t.BronzeOf is not null)
            .Select(t => (t.Type, t.BronzeOf!))
            .OrderBy(t => t.Type.FullName, StringComparer.Ordinal);
    }

    // The design-time models of the source contexts declared by an assembly's [assembly: Datakit(…, DatakitLayer.Source, …)]:
    // a context is created with UseNpgsql() and no connection, only to read its model.
    private static List<IModel> SourceModels(Assembly assembly)
    {
        var models = new List<IModel>();
        foreach (var datakit in assembly.GetCustomAttributes<DatakitAttribute>().Where(a => a.Layer == DatakitLayer.Source))
        {
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(datakit.ContextType))!;
            using var context = (DbContext)(Activator.CreateInstance(datakit.ContextType, builder.UseNpgsql().Options)
                ?? throw new InvalidOperationException($"Cannot create source context {datakit.ContextType.FullName}."));
            models.Add(context.GetService<IDesignTimeModel>().Model);
        }

        if (models.Count == 0)
        {
            throw new InvalidOperationException(
                $"{assembly.GetName().Name} has no [assembly: Datakit(..., DatakitLayer.Source, typeof(SourceContext))] marker; bronze entities mirror a source contract's entities.");
        }

        return models;
    }
}
