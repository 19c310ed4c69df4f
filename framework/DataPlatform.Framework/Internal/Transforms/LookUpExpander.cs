using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Expands <see cref="TransformQueryableExtensions.LookUp{T}"/> written inside a query (a <c>from</c> clause, so the call
/// sits in a lambda and is never executed) into <c>dimension.Where(match).DefaultIfEmpty()</c>, the shape EF Core translates
/// to a <c>LEFT JOIN LATERAL</c> that PostgreSQL flattens into a hash left join, and the in-memory path runs as a left join.
/// </summary>
internal static class LookUpExpander
{
    private static readonly MethodInfo s_lookUp = typeof(TransformQueryableExtensions).GetMethod(nameof(TransformQueryableExtensions.LookUp))!;

    /// <summary>The expansion of a <c>LookUp</c> call, or null for any other call.</summary>
    public static Expression? Expand(MethodCallExpression node)
    {
        if (!node.Method.IsGenericMethod || node.Method.GetGenericMethodDefinition() != s_lookUp)
        {
            return null;
        }

        var type = node.Method.GetGenericArguments()[0];
        var filtered = Expression.Call(QueryableMethods.Where.MakeGenericMethod(type), node.Arguments[0], node.Arguments[1]);
        return Expression.Call(QueryableMethods.DefaultIfEmptyWithoutArgument.MakeGenericMethod(type), filtered);
    }
}
