using System.Reflection;
using DataPlatform.Framework.Mixins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DataPlatform.Framework.Conventions;

/// <summary>
/// Configures the columns of every entity that implements a mixin interface (DESIGN.md §3): names, <c>timestamptz</c>
/// types, nullability and <c>now()</c> defaults, a BRIN index on a bronze table's <c>dp_batch_id</c>, and records which mixins an entity has in
/// <see cref="MixinAnnotations.Mixins"/> for the deployer (triggers, history tables) and the loader.
/// </summary>
internal sealed class MixinConvention : IModelFinalizingConvention
{
    /// <summary>The access method of the index every bronze table gets on <c>dp_batch_id</c>.</summary>
    public const string BronzeBatchIndexMethod = "brin";

    private static readonly ValueConverter<BronzeOperation, string> s_operationConverter = new(
        v => v == BronzeOperation.Delete ? "delete" : "upsert",
        v => v == "delete" ? BronzeOperation.Delete : BronzeOperation.Upsert);

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            var mixins = new List<string>();

            if (typeof(IHasSystime).IsAssignableFrom(clr))
            {
                Timestamp(entityType, nameof(IHasSystime.Systime), MixinColumns.Systime, nullable: false, defaultNow: true);
            }

            if (typeof(IReferenceData).IsAssignableFrom(clr))
            {
                mixins.Add("reference");
                Timestamp(entityType, nameof(IReferenceData.InactivatedDate), MixinColumns.InactivatedDate, nullable: true, defaultNow: false);
            }

            if (typeof(ITransactionalData).IsAssignableFrom(clr))
            {
                mixins.Add("transactional");
                Timestamp(entityType, nameof(ITransactionalData.CreatedAt), MixinColumns.CreatedAt, nullable: false, defaultNow: true);
                Timestamp(entityType, nameof(ITransactionalData.UpdatedAt), MixinColumns.UpdatedAt, nullable: false, defaultNow: true);
            }

            if (typeof(ITemporalData).IsAssignableFrom(clr))
            {
                mixins.Add("temporal");
                Timestamp(entityType, nameof(ITemporalData.EffectiveTime), MixinColumns.EffectiveTime, nullable: false, defaultNow: true);
                foreach (var property in entityType.GetProperties())
                {
                    if (property.PropertyInfo?.GetCustomAttribute<ExcludeFromHistoryAttribute>() is not null)
                    {
                        property.Builder.HasAnnotation(MixinAnnotations.ExcludeFromHistory, true);
                    }
                }
            }

            if (typeof(IBronzeRecord).IsAssignableFrom(clr))
            {
                mixins.Add("bronze");
                var batch = Column(entityType, nameof(IBronzeRecord.DpBatchId), MixinColumns.BatchId, "bigint");

                // Bronze is appended in batch order, so a BRIN index (a few pages) lets silver read only the batches it has
                // not applied yet; a B-tree would cost every append an index insert per row.
                if (batch is not null)
                {
                    entityType.Builder.HasIndex([batch])?.HasMethod(BronzeBatchIndexMethod);
                }

                Column(entityType, nameof(IBronzeRecord.DpRecordHash), MixinColumns.RecordHash, "bytea");
                var operation = Column(entityType, nameof(IBronzeRecord.DpOperation), MixinColumns.Operation, "text");
                operation?.Builder.HasConversion(s_operationConverter);
                entityType.Builder.HasAnnotation(MixinAnnotations.RetiredColumns, string.Join(",", MixinColumns.RetiredBronzeColumns));
            }

            if (mixins.Count > 0)
            {
                entityType.Builder.HasAnnotation(MixinAnnotations.Mixins, string.Join(",", mixins));
            }
        }
    }

    private static void Timestamp(IConventionEntityType entityType, string propertyName, string column, bool nullable, bool defaultNow)
    {
        var property = Column(entityType, propertyName, column, "timestamp with time zone");
        if (property is null)
        {
            return;
        }

        property.Builder.IsRequired(!nullable);
        if (defaultNow)
        {
            property.Builder.HasDefaultValueSql("now()");
        }
    }

    private static IConventionProperty? Column(IConventionEntityType entityType, string propertyName, string column, string storeType)
    {
        var property = entityType.FindProperty(propertyName);
        if (property is null)
        {
            return null;
        }

        property.Builder.HasColumnName(column);
        property.Builder.HasColumnType(storeType);
        if (!property.ClrType.IsValueType || Nullable.GetUnderlyingType(property.ClrType) is null)
        {
            property.Builder.IsRequired(true);
        }

        return property;
    }
}
