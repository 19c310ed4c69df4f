using System.Linq.Expressions;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Splits predicates the framework rewrites.</summary>
internal static class Predicates
{
    /// <summary>The terms of <c>a &amp;&amp; b &amp;&amp; …</c> (built-in boolean AND only), or the expression itself.</summary>
    public static IEnumerable<Expression> Conjuncts(Expression body) =>
        body is BinaryExpression { NodeType: ExpressionType.AndAlso, Method: null } and && and.Type == typeof(bool)
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [body];
}
