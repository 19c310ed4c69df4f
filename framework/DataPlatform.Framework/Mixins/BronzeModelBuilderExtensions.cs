using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Framework.Mixins;

/// <summary>Model-builder extensions for bronze entities.</summary>
public static class BronzeModelBuilderExtensions
{
    /// <summary>
    /// Declares the source key of a bronze entity: the properties that identify a source row, in key order, e.g.
    /// <c>e =&gt; new { e.ActorId, e.FilmId }</c> or <c>e =&gt; e.CustomerId</c>. The entity becomes keyless for EF Core
    /// (bronze holds many versions per key, and has no key index); the key is kept as the
    /// <c>DataPlatform:BronzeSourceKey</c> model annotation for the extraction engine.
    /// </summary>
    public static EntityTypeBuilder<T> HasBronzeSourceKey<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, object?>> key)
        where T : class, IBronzeRecord
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(key);
        var body = key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : key.Body;
        IReadOnlyList<string> names = body switch
        {
            NewExpression { Members: { } members } => [.. members.Select(m => m.Name)],
            MemberExpression member => [member.Member.Name],
            _ => throw new ArgumentException($"The source key of {typeof(T).Name} must be a property or an anonymous type of properties.", nameof(key)),
        };

        HasBronzeSourceKey((EntityTypeBuilder)entity, names);
        return entity;
    }

    /// <summary>
    /// Declares the source key of a bronze entity by property names, in key order (for builders without a CLR type
    /// parameter, e.g. generated configurations); see <see cref="HasBronzeSourceKey{T}"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No property names, or a name that is not a property of the entity.</exception>
    public static EntityTypeBuilder HasBronzeSourceKey(this EntityTypeBuilder entity, params IReadOnlyList<string> propertyNames)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(propertyNames);
        if (propertyNames.Count == 0)
        {
            throw new ArgumentException("A source key needs at least one property.", nameof(propertyNames));
        }

        foreach (var name in propertyNames)
        {
            if (entity.Metadata.FindProperty(name) is null && entity.Metadata.ClrType.GetProperty(name) is null)
            {
                throw new ArgumentException($"{entity.Metadata.DisplayName()} has no property {name}.", nameof(propertyNames));
            }
        }

        entity.HasNoKey();
        entity.HasAnnotation(MixinAnnotations.BronzeSourceKey, string.Join(",", propertyNames));
        return entity;
    }
}
