using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Expands calls of <see cref="Clean"/> into the plain expressions they stand for, so EF Core translates them (a user method
/// would be evaluated on the client) and the in-memory path aligns them like any hand-written rule.
/// </summary>
internal static class CleanExpander
{
    private static readonly MethodInfo s_trim = typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!;
    private static readonly MethodInfo s_lower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo s_isMatch = typeof(Regex).GetMethod(nameof(Regex.IsMatch), [typeof(string), typeof(string)])!;
    private static readonly ConstantExpression s_null = Expression.Constant(null, typeof(string));

    /// <summary>The expansion of <paramref name="call"/> when it calls <see cref="Clean"/>, else null.</summary>
    public static Expression? Expand(MethodCallExpression call)
    {
        if (call.Method.DeclaringType != typeof(Clean))
        {
            return null;
        }

        var text = call.Arguments[0];
        return call.Method.Name switch
        {
            nameof(Clean.IsBlank) => IsBlank(text),
            nameof(Clean.Text) => Expression.Condition(IsBlank(text), s_null, Expression.Call(text, s_trim)),
            nameof(Clean.Email) => Expression.Condition(
                Expression.OrElse(
                    Expression.Equal(text, s_null),
                    Expression.Not(Expression.Call(s_isMatch, Lowered(text), Expression.Constant(CleaningPatterns.Email)))),
                s_null,
                Lowered(text)),
            _ => throw new TransformBuildException($"Clean.{call.Method.Name} has no expansion."),
        };
    }

    private static BinaryExpression IsBlank(Expression text) =>
        Expression.OrElse(Expression.Equal(text, s_null), Expression.Equal(Expression.Call(text, s_trim), Expression.Constant(string.Empty)));

    private static MethodCallExpression Lowered(Expression text) => Expression.Call(Expression.Call(text, s_trim), s_lower);
}
