using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Rewrites the key probes of a CASE test, <c>set.Any(p =&gt; p.M == outer)</c>, into <c>set.Select(p =&gt; p.M).Contains(outer)</c>
/// (with <c>outer != null &amp;&amp;</c> and <c>outer.Value</c> when <c>outer</c> is nullable), so EF Core emits
/// <c>outer IN (SELECT p.m …)</c> instead of <c>EXISTS (SELECT 1 … WHERE p.m = outer)</c>. Inside a CASE PostgreSQL
/// cannot turn EXISTS into a join and runs a correlated SubPlan per row (a sequential scan per row when the probed table
/// has no index); an IN becomes a hashed SubPlan built once. Only applies when <c>p.M</c> is a non-nullable value type
/// (the IN list then never holds NULL, so no null compensation is needed); every other <c>Any</c> is left alone, and so is
/// everything inside lambdas (a WHERE's EXISTS already becomes a hash semi/anti join).
/// A probe of a table whose key or index starts with <c>p.M</c> (silver parents) also keeps its EXISTS: PostgreSQL plans
/// it as an AlternativeSubPlan, hashed for a large input and one index probe per row for a small one (an incremental batch
/// of 5k payments then reads 15k index entries instead of hashing 500k rentals), and even a misestimated input costs one
/// index probe per row, never a scan per row.
/// </summary>
internal sealed class HashedProbeRewriter : ExpressionVisitor
{
    /// <summary>Rewrites the probes of one conditional test.</summary>
    public static Expression Rewrite(Expression test) => new HashedProbeRewriter().Visit(test);

    protected override Expression VisitExtension(Expression node) => node;

    // Sub-query predicates and projections stay as they are: only the test's own boolean terms are CASE-bound.
    protected override Expression VisitLambda<T>(Expression<T> node) => node;

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        return TryRewrite(visited) ?? visited;
    }

    private static Expression? TryRewrite(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Queryable) || call.Method.Name != nameof(Queryable.Any) || call.Arguments.Count != 2
            || StripQuotes(call.Arguments[1]) is not LambdaExpression
            {
                Parameters: [var probe], Body: BinaryExpression { NodeType: ExpressionType.Equal } equal,
            })
        {
            return null;
        }

        if (!TryMatch(probe, equal.Left, equal.Right, out var member, out var outer)
            && !TryMatch(probe, equal.Right, equal.Left, out member, out outer))
        {
            return null;
        }

        if (IsIndexedOn(call.Arguments[0], member.Member.Name))
        {
            return null;
        }

        var keyType = member.Type;
        var key = Expression.Lambda(member, probe);
        var keys = Expression.Call(QueryableMethods.Select.MakeGenericMethod(probe.Type, keyType), call.Arguments[0], Expression.Quote(key));
        var contains = QueryableMethods.Contains.MakeGenericMethod(keyType);
        if (outer.Type == keyType)
        {
            return Expression.Call(contains, keys, outer);
        }

        return Expression.AndAlso(
            Expression.NotEqual(outer, Expression.Constant(null, outer.Type)),
            Expression.Call(contains, keys, Expression.Property(outer, nameof(Nullable<int>.Value))));
    }

    // probeSide is p.M or (M?)p.M with M a non-nullable value type; outerSide has type M or M? and does not use p.
    private static bool TryMatch(
        ParameterExpression probe, Expression probeSide, Expression outerSide, out MemberExpression member, out Expression outer)
    {
        member = null!;
        outer = outerSide;
        var unwrapped = probeSide is UnaryExpression { NodeType: ExpressionType.Convert } convert
            && Nullable.GetUnderlyingType(convert.Type) == convert.Operand.Type
                ? convert.Operand
                : probeSide;
        if (unwrapped is not MemberExpression candidate || candidate.Expression != probe
            || !candidate.Type.IsValueType || Nullable.GetUnderlyingType(candidate.Type) is not null)
        {
            return false;
        }

        if (outerSide.Type != candidate.Type && Nullable.GetUnderlyingType(outerSide.Type) != candidate.Type)
        {
            return false;
        }

        if (ExpressionEvaluation.Uses(outerSide, probe))
        {
            return false;
        }

        member = candidate;
        return true;
    }

    private static bool IsIndexedOn(Expression source, string member)
    {
        while (source is MethodCallExpression { Method.Name: nameof(Queryable.Where) } where && where.Method.DeclaringType == typeof(Queryable))
        {
            source = where.Arguments[0];
        }

        return source is EntityQueryRootExpression { EntityType: var entityType }
            && entityType.GetKeys().Select(k => k.Properties).Concat(entityType.GetIndexes().Select(i => i.Properties)).Any(p => p[0].Name == member);
    }

    private static Expression StripQuotes(Expression expression) =>
        expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression;
}
