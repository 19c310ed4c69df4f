using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Framework.Datakits;

/// <summary>Model-builder helpers for references between the tables of a layer.</summary>
public static class ForeignKeyExtensions
{
    /// <summary>
    /// Completes <c>builder.HasOne&lt;TPrincipal&gt;()</c>: <paramref name="foreignKey"/> references the principal's primary key,
    /// with no navigation back and no cascade, because a layer's rows are soft-deleted or versioned, never removed with their parent.
    /// </summary>
    /// <param name="reference">The result of <c>HasOne&lt;TPrincipal&gt;()</c>.</param>
    /// <param name="foreignKey">The referencing column(s): <c>e =&gt; e.ParentId</c> or <c>e =&gt; new { e.A, e.B }</c>.</param>
    public static ReferenceCollectionBuilder<TPrincipal, TDependent> ByForeignKey<TDependent, TPrincipal>(
        this ReferenceNavigationBuilder<TDependent, TPrincipal> reference, Expression<Func<TDependent, object?>> foreignKey)
        where TDependent : class
        where TPrincipal : class
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.WithMany().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Restrict);
    }
}
