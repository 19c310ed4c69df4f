using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Framework.Datakits;

/// <summary>Model-builder helpers for keys that come from the source system.</summary>
public static class NaturalKeyExtensions
{
    /// <summary>
    /// Makes <paramref name="key"/> the primary key and never generates its values: the source system assigns them
    /// (silver tables keep the source's keys).
    /// </summary>
    /// <param name="builder">The entity builder.</param>
    /// <param name="key">The key: <c>e =&gt; e.Id</c> or <c>e =&gt; new { e.A, e.B }</c>.</param>
    public static EntityTypeBuilder<TEntity> HasNaturalKey<TEntity>(this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, object?>> key)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(key);
        foreach (var property in builder.Metadata.FindPrimaryKey()!.Properties)
        {
            builder.Property(property.Name).ValueGeneratedNever();
        }

        return builder;
    }
}
