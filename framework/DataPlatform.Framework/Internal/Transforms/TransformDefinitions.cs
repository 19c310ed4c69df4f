using System.Linq.Expressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Derives a definition from another one (the framework narrows inputs and completes maps of declared steps).</summary>
internal static class TransformDefinitions
{
    public static TransformDefinition<TSource, TTarget> With<TSource, TTarget>(
        TransformDefinition<TSource, TTarget> definition, IQueryable<TSource> rows, Expression<Func<TSource, TTarget>> map)
        where TSource : class
        where TTarget : class =>
        new(rows, definition.Rules, definition.Key, map);
}
