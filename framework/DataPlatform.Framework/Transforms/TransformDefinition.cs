using System.Linq.Expressions;

namespace DataPlatform.Framework.Transforms;

/// <summary>A complete transform definition: input rows, rules, quarantine key and the mapping to the target entity.</summary>
/// <typeparam name="TSource">The input row type.</typeparam>
/// <typeparam name="TTarget">The target entity type.</typeparam>
public sealed class TransformDefinition<TSource, TTarget>
    where TSource : class
    where TTarget : class
{
    internal TransformDefinition(
        IQueryable<TSource> rows,
        IReadOnlyList<TransformRule<TSource>> rules,
        LambdaExpression? key,
        Expression<Func<TSource, TTarget>> map)
    {
        Rows = rows;
        Rules = rules;
        Key = key;
        Map = map;
    }

    /// <summary>The input rows.</summary>
    public IQueryable<TSource> Rows { get; }

    /// <summary>The hard rules in evaluation order.</summary>
    public IReadOnlyList<TransformRule<TSource>> Rules { get; }

    /// <summary>The quarantine key selector, or null when the transform has no rules.</summary>
    public LambdaExpression? Key { get; }

    /// <summary>The mapping to the target entity.</summary>
    public Expression<Func<TSource, TTarget>> Map { get; }
}
