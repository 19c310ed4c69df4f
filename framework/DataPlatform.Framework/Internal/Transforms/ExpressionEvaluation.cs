using System.Linq.Expressions;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Evaluates parameter-free sub-expressions (closure values, constants) when a transform is built.</summary>
internal static class ExpressionEvaluation
{
    /// <summary>Whether <paramref name="expression"/> depends on no lambda parameter.</summary>
    public static bool IsParameterFree(Expression expression)
    {
        var finder = new ParameterFinder(null);
        finder.Visit(expression);
        return !finder.Found;
    }

    /// <summary>Whether <paramref name="expression"/> refers to <paramref name="parameter"/>.</summary>
    public static bool Uses(Expression expression, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(expression);
        return finder.Found;
    }

    /// <summary>Evaluates <paramref name="expression"/> when it depends on no lambda parameter.</summary>
    public static bool TryEvaluate(Expression expression, out object? value)
    {
        if (expression is ConstantExpression constant)
        {
            value = constant.Value;
            return true;
        }

        if (!IsParameterFree(expression))
        {
            value = null;
            return false;
        }

        value = Expression.Lambda<Func<object?>>(Expression.Convert(expression, typeof(object))).Compile(preferInterpretation: true)();
        return true;
    }

    // Finds `only` when given, otherwise any parameter not bound by a lambda inside the expression.
    private sealed class ParameterFinder(ParameterExpression? only) : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _bound = [];

        public bool Found { get; private set; }

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            // Parameters of nested lambdas are bound inside; only free parameters make an expression row-dependent.
            foreach (var parameter in node.Parameters)
            {
                _bound.Add(parameter);
            }

            return base.VisitLambda(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (only is null ? !_bound.Contains(node) : node == only)
            {
                Found = true;
            }

            return node;
        }

        protected override Expression VisitExtension(Expression node) => node;
    }
}
