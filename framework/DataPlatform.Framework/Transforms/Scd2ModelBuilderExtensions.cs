using System.Linq.Expressions;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Framework.Transforms;

/// <summary>Declares an SCD type 2 dimension in the model, so the deployer creates its index and the merge finds its key.</summary>
public static class Scd2ModelBuilderExtensions
{
    /// <summary>
    /// Records the natural key (the <c>DataPlatform:NaturalKey</c> model annotation) and adds the partial unique index that allows
    /// exactly one current version per key: <c>HasIndex(key).IsUnique().HasFilter("is_current")</c>.
    /// </summary>
    /// <param name="builder">The dimension's entity builder.</param>
    /// <param name="naturalKey">The natural key: <c>c =&gt; c.CustomerId</c> or <c>c =&gt; new { c.A, c.B }</c>.</param>
    /// <param name="isCurrentProperty">The current-flag property (default <c>IsCurrent</c>).</param>
    public static EntityTypeBuilder<TEntity> HasScd2NaturalKey<TEntity>(
        this EntityTypeBuilder<TEntity> builder,
        Expression<Func<TEntity, object?>> naturalKey,
        string isCurrentProperty = "IsCurrent")
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(naturalKey);
        var body = naturalKey.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : naturalKey.Body;
        var names = body switch
        {
            MemberExpression member => [member.Member.Name],
            NewExpression created => created.Arguments.Select(a => ((MemberExpression)a).Member.Name).ToArray(),
            _ => throw new ArgumentException("Name the natural key members: c => c.Id or c => new { c.A, c.B }.", nameof(naturalKey)),
        };

        builder.HasAnnotation(MixinAnnotations.NaturalKey, string.Join(",", names));
        builder.HasIndex(names).IsUnique().HasFilter(SqlIdentifier.Quote(SnakeCase.Convert(isCurrentProperty)));
        return builder;
    }
}
