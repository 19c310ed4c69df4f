using System.Linq.Expressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Replaces row-independent sub-queries that a transform captured (<c>sources.Set&lt;T&gt;()</c> inside a rule, a query
/// held in a local variable) by their expression trees, so the rewriters see and align every lambda of the transform,
/// not only the outer one. EF Core would inline them the same way; the in-memory path then runs them as plain LINQ.
/// Calls of <see cref="Clean"/> and <see cref="TransformQueryableExtensions.LookUp{T}"/> are expanded here too
/// (<see cref="CleanExpander"/>, <see cref="LookUpExpander"/>), for both paths.
/// </summary>
internal sealed class QueryableInliner : ExpressionVisitor
{
    private int _depth;

    public static Expression Inline(Expression expression) => new QueryableInliner().Visit(expression)!;

    public override Expression? Visit(Expression? node)
    {
        if (node is null || !IsInlinable(node) || !ExpressionEvaluation.TryEvaluate(node, out var value) || value is not IQueryable queryable)
        {
            return base.Visit(node);
        }

        if (queryable.Expression is ConstantExpression constant && ReferenceEquals(constant.Value, queryable))
        {
            return constant;
        }

        if (++_depth > 64)
        {
            throw new TransformBuildException("A transform's sub-queries nest more than 64 levels deep (a query that refers to itself?).");
        }

        try
        {
            return Visit(queryable.Expression);
        }
        finally
        {
            _depth--;
        }
    }

    protected override Expression VisitExtension(Expression node) => node;

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        (CleanExpander.Expand(node) ?? LookUpExpander.Expand(node)) is { } expanded ? Visit(expanded)! : base.VisitMethodCall(node);

    // Queryable operators on constant roots evaluate to themselves; only closures and factory methods need inlining.
    private static bool IsInlinable(Expression node) =>
        typeof(IQueryable).IsAssignableFrom(node.Type) && node switch
        {
            MemberExpression => true,
            MethodCallExpression call => call.Method.DeclaringType != typeof(Queryable),
            _ => false,
        };
}
