using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The static check run on every transform expression when the transform is built: members whose meaning differs between
/// .NET and PostgreSQL (culture-sensitive text, invariant casing variants, the clock, non-portable regular expressions)
/// and methods EF Core cannot translate (user methods) are rejected with a message naming the member and the method.
/// The <c>LIMIT 0</c> probe of the in-server path catches whatever slips through (see <see cref="ServerPlan{TSource, TTarget}"/>).
/// </summary>
internal sealed class TransformPolicy : ExpressionVisitor
{
    private static readonly HashSet<Assembly> s_translatableAssemblies =
    [
        typeof(object).Assembly,
        typeof(Enumerable).Assembly,
        typeof(Queryable).Assembly,
        typeof(Regex).Assembly,
        typeof(TransformPolicy).Assembly,
    ];

    private static readonly HashSet<string> s_stringMethods =
    [
        nameof(string.Trim), nameof(string.TrimStart), nameof(string.TrimEnd), nameof(string.ToLower), nameof(string.ToUpper),
        nameof(string.Substring), nameof(string.Contains), nameof(string.StartsWith), nameof(string.EndsWith), nameof(string.Replace),
        nameof(string.IsNullOrEmpty), nameof(string.IsNullOrWhiteSpace), nameof(string.Concat), nameof(string.Join), nameof(string.Equals),
        "get_Length",
    ];

    private static readonly HashSet<Type> s_textConvertible = [typeof(int), typeof(long), typeof(short), typeof(byte), typeof(string), typeof(Guid)];

    private readonly string _transform;
    private readonly string _where;

    private TransformPolicy(string transform, string where)
    {
        _transform = transform;
        _where = where;
    }

    /// <summary>Checks one expression; <paramref name="where"/> names its place, e.g. <c>member Film.Title</c> or <c>rule 'blank_title'</c>.</summary>
    public static void Check(Expression expression, string transform, string where) => new TransformPolicy(transform, where).Visit(expression);

    protected override Expression VisitMember(MemberExpression node)
    {
        var member = node.Member;
        if ((member.DeclaringType == typeof(DateTime) || member.DeclaringType == typeof(DateTimeOffset))
            && member.Name is nameof(DateTime.Now) or nameof(DateTime.UtcNow) or nameof(DateTime.Today))
        {
            throw Fail($"{member.DeclaringType.Name}.{member.Name}", "reads the clock; take the time from TransformContext.RunTime");
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var type = method.DeclaringType!;
        var name = $"{type.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

        if (type == typeof(string))
        {
            CheckString(node, name);
        }
        else if (type == typeof(Regex))
        {
            CheckRegex(node, name);
        }
        else if (method.Name == nameof(ToString) && method.GetParameters().Length == 0)
        {
            var receiver = Nullable.GetUnderlyingType(node.Object!.Type) ?? node.Object.Type;
            if (!s_textConvertible.Contains(receiver))
            {
                throw Fail(name, $"formats a {receiver.Name} differently in .NET (culture) and PostgreSQL (::text); project the value itself");
            }
        }
        else if (type == typeof(char) || type == typeof(Guid) && method.Name == nameof(Guid.NewGuid) || type == typeof(Random)
            || type == typeof(System.Globalization.CultureInfo) || type == typeof(Environment))
        {
            throw Fail(name, "has no portable translation (culture, randomness or environment)");
        }
        else if (type.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true
            || type.Namespace?.StartsWith("Npgsql", StringComparison.Ordinal) == true)
        {
            throw Fail(name, "is an EF Core/Npgsql database function that the in-memory path cannot run; use plain C# the framework aligns");
        }
        else if (!s_translatableAssemblies.Contains(type.Assembly))
        {
            throw Fail(name, "is a user method: EF Core would evaluate it on the client (or fail), so the SQL would not do what the C# says");
        }

        return base.VisitMethodCall(node);
    }

    private void CheckString(MethodCallExpression node, string name)
    {
        var method = node.Method;
        var parameters = method.GetParameters();
        if (!s_stringMethods.Contains(method.Name))
        {
            throw Fail(name, method.Name switch
            {
                nameof(string.ToLowerInvariant) => "is evaluated on the client by EF Core; use ToLower() (the framework lower-cases invariantly on both paths)",
                nameof(string.ToUpperInvariant) => "is evaluated on the client by EF Core; use ToUpper() (the framework upper-cases invariantly on both paths)",
                nameof(string.Compare) or nameof(string.CompareTo) or nameof(string.CompareOrdinal) =>
                    "compares culture-sensitively in .NET and by collation in PostgreSQL; compare with == or !=",
                _ => "has no portable translation; the in-memory and in-server results could differ",
            });
        }

        if (parameters.Any(p => p.ParameterType == typeof(StringComparison) || p.ParameterType == typeof(System.Globalization.CultureInfo)))
        {
            throw Fail(name, "takes a StringComparison/CultureInfo that EF Core evaluates on the client (ordinal-ignore-case, culture); use ToLower() on both sides");
        }

        if (method.Name is nameof(string.StartsWith) or nameof(string.EndsWith) or nameof(string.Contains) or nameof(string.Replace)
            && parameters.Any(p => p.ParameterType == typeof(char)))
        {
            throw Fail(name, "has a char overload EF Core does not translate; pass a string");
        }
    }

    private void CheckRegex(MethodCallExpression node, string name)
    {
        var method = node.Method;
        var parameters = method.GetParameters();
        if (method.Name != nameof(Regex.IsMatch) || !method.IsStatic || parameters.Length != 2)
        {
            throw Fail(name, "is not portable; only the static Regex.IsMatch(input, pattern) with a constant pattern is");
        }

        var pattern = ExpressionEvaluation.TryEvaluate(node.Arguments[1], out var value) ? value as string : null;
        if (pattern is null)
        {
            throw Fail(name, "needs a pattern that does not depend on the row");
        }

        try
        {
            PortableRegex.Validate(pattern);
        }
        catch (TransformBuildException e)
        {
            throw Fail(name, e.Message);
        }
    }

    private TransformBuildException Fail(string member, string reason) =>
        new($"Transform {_transform}: {_where} uses {member}, which {reason}.");
}
