using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Copies an incremental run's key filter, <c>row =&gt; keys.Contains(key(row))</c>, onto the inner side of a join whose
/// outer key is that same key: <c>outer.LeftJoin(inner, o =&gt; o.K, i =&gt; i.K, …)</c> narrowed to keys K equals the join of
/// <c>inner.Where(i =&gt; keys.Contains(i.K))</c>, since an inner row only meets outer rows with its own key. PostgreSQL does not
/// derive that itself across an outer join, so without it a grouped side (a rental's payment sums) is aggregated over the
/// whole table on every incremental run.
/// </summary>
/// <remarks>
/// The two keys are proved equal by resolving both through the projections of the outer query down to the same expression
/// over the same parameters (EF Core's <see cref="ReplacingExpressionVisitor"/> substitutes a projection and reads a member
/// of an object initializer or of the compiler's transparent identifiers as the expression assigned to it); anything else
/// is left as is.
/// </remarks>
internal static class KeyFilterPushdown
{
    /// <summary><paramref name="rows"/> with the filter's keys also applied to the inner side of the joins they reach.</summary>
    public static Expression Apply(Expression rows, LambdaExpression filter)
    {
        if (filter.Body is not MethodCallExpression { Method.Name: nameof(Enumerable.Contains), Arguments.Count: 2 } contains
            || contains.Method.DeclaringType != typeof(Enumerable))
        {
            return rows;
        }

        return Push(rows, Expression.Lambda(contains.Arguments[1], filter.Parameters), contains);
    }

    private static Expression Push(Expression rows, LambdaExpression key, MethodCallExpression contains)
    {
        if (rows is not MethodCallExpression call || call.Method.DeclaringType != typeof(Queryable))
        {
            return rows;
        }

        var arguments = call.Arguments;
        switch (call.Method.Name)
        {
            case nameof(Queryable.Where) when arguments.Count == 2:
                return call.Update(null, [Push(arguments[0], key, contains), arguments[1]]);
            case nameof(Queryable.Join) or nameof(Queryable.LeftJoin) when arguments.Count == 5:
                var outerKey = Unquote(arguments[2]);
                var innerKey = Unquote(arguments[3]);
                var result = Unquote(arguments[4]);
                var keyOfPair = ReplacingExpressionVisitor.Replace(key.Parameters[0], result.Body, key.Body);
                if (FreeParameters.Of(keyOfPair).Contains(result.Parameters[1])
                    || !SameValue(Resolve(keyOfPair, result.Parameters[0], arguments[0]), Resolve(outerKey.Body, outerKey.Parameters[0], arguments[0])))
                {
                    return rows;
                }

                var innerRow = innerKey.Parameters[0];
                var innerKeyValue = innerKey.Body.Type == key.Body.Type ? innerKey.Body : Expression.Convert(innerKey.Body, key.Body.Type);
                var innerFilter = Expression.Lambda(contains.Update(null, [contains.Arguments[0], innerKeyValue]), innerRow);
                var narrowed = Expression.Call(QueryableMethods.Where.MakeGenericMethod(innerRow.Type), arguments[1], Expression.Quote(innerFilter));
                return call.Update(null, [arguments[0], narrowed, arguments[2], arguments[3], arguments[4]]);
            default:
                return rows;
        }
    }

    /// <summary>
    /// <paramref name="body"/> (over <paramref name="row"/>, an element of <paramref name="source"/>) rewritten through the
    /// source's projections for as long as it stays over the projection's first parameter.
    /// </summary>
    private static Expression Resolve(Expression body, ParameterExpression row, Expression source)
    {
        while (source is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
        {
            var arguments = call.Arguments;
            LambdaExpression projection;
            switch (call.Method.Name)
            {
                case nameof(Queryable.Where) when arguments.Count == 2:
                    source = arguments[0];
                    continue;
                case nameof(Queryable.Select) when arguments.Count == 2 && Unquote(arguments[1]).Parameters.Count == 1:
                    projection = Unquote(arguments[1]);
                    break;
                case nameof(Queryable.SelectMany) when arguments.Count == 3:
                    projection = Unquote(arguments[2]);
                    break;
                case nameof(Queryable.Join) or nameof(Queryable.LeftJoin) when arguments.Count == 5:
                    projection = Unquote(arguments[4]);
                    break;
                default:
                    return body;
            }

            var resolved = ReplacingExpressionVisitor.Replace(row, projection.Body, body);
            var free = FreeParameters.Of(resolved);
            if (projection.Parameters.Skip(1).Any(free.Contains))
            {
                return resolved;
            }

            (body, row, source) = (resolved, projection.Parameters[0], arguments[0]);
        }

        return body;
    }

    private static bool SameValue(Expression left, Expression right) =>
        ExpressionEqualityComparer.Instance.Equals(left, right) && FreeParameters.Of(left).SetEquals(FreeParameters.Of(right));

    private static LambdaExpression Unquote(Expression expression) =>
        (LambdaExpression)(expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression);
}
