using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Aligns a transform with <see cref="CanonicalText"/> before EF Core translates it: <c>Trim()</c>, <c>TrimStart()</c>,
/// <c>TrimEnd()</c> get the explicit whitespace set (SQL <c>btrim(s, E' \t\n…')</c>), <c>IsNullOrWhiteSpace</c> becomes
/// <c>s IS NULL OR btrim(s, set) = ''</c>, and <c>ToLower()</c>/<c>ToUpper()</c> run under the <c>C.utf8</c> collation.
/// In the test of a conditional (a rule of the classifier: a CASE WHEN) key probes <c>set.Any(p =&gt; p.Key == row.X)</c>
/// become <c>row.X IN (SELECT p.key …)</c>, see <see cref="HashedProbeRewriter"/>.
/// </summary>
internal sealed class ServerRewriter : ExpressionVisitor
{
    private static readonly MethodInfo s_trim = typeof(string).GetMethod(nameof(string.Trim), [typeof(char[])])!;
    private static readonly MethodInfo s_trimStart = typeof(string).GetMethod(nameof(string.TrimStart), [typeof(char[])])!;
    private static readonly MethodInfo s_trimEnd = typeof(string).GetMethod(nameof(string.TrimEnd), [typeof(char[])])!;
    private static readonly MethodInfo s_collate = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    private static readonly PropertyInfo s_functions = typeof(EF).GetProperty(nameof(EF.Functions))!;

    public static Expression Rewrite(Expression expression) => new ServerRewriter().Visit(QueryableInliner.Inline(expression));

    protected override Expression VisitExtension(Expression node) => node;

    protected override Expression VisitConditional(ConditionalExpression node) =>
        node.Update(HashedProbeRewriter.Rewrite(Visit(node.Test)), Visit(node.IfTrue), Visit(node.IfFalse));

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var visited = (MethodCallExpression)base.VisitMethodCall(node);
        var method = visited.Method;
        if (method.DeclaringType != typeof(string))
        {
            return visited;
        }

        var whitespace = Expression.Constant(CanonicalText.WhitespaceChars);
        return (method.Name, visited.Arguments.Count, method.IsStatic) switch
        {
            (nameof(string.Trim), 0, false) => Expression.Call(visited.Object, s_trim, whitespace),
            (nameof(string.TrimStart), 0, false) => Expression.Call(visited.Object, s_trimStart, whitespace),
            (nameof(string.TrimEnd), 0, false) => Expression.Call(visited.Object, s_trimEnd, whitespace),
            (nameof(string.ToLower), 0, false) => Expression.Call(Collated(visited.Object!), method),
            (nameof(string.ToUpper), 0, false) => Expression.Call(Collated(visited.Object!), method),
            (nameof(string.IsNullOrWhiteSpace), 1, true) => Expression.OrElse(
                Expression.Equal(visited.Arguments[0], Expression.Constant(null, typeof(string))),
                Expression.Equal(Expression.Call(visited.Arguments[0], s_trim, whitespace), Expression.Constant(string.Empty))),
            _ => visited,
        };
    }

    private static MethodCallExpression Collated(Expression text) =>
        Expression.Call(s_collate, Expression.Property(null, s_functions), text, Expression.Constant(CanonicalText.CaseCollation));
}
