using System.Linq.Expressions;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>The parameters an expression uses without declaring them: those of enclosing lambdas (a correlation).</summary>
internal sealed class FreeParameters : ExpressionVisitor
{
    private readonly HashSet<ParameterExpression> _bound = [];

    private FreeParameters()
    {
    }

    public HashSet<ParameterExpression> Free { get; } = [];

    /// <summary>The free parameters of <paramref name="expression"/>.</summary>
    public static HashSet<ParameterExpression> Of(Expression expression)
    {
        var finder = new FreeParameters();
        finder.Visit(expression);
        return finder.Free;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _bound.UnionWith(node.Parameters);
        return base.VisitLambda(node);
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (!_bound.Contains(node))
        {
            Free.Add(node);
        }

        return node;
    }

    protected override Expression VisitExtension(Expression node) => node;
}
