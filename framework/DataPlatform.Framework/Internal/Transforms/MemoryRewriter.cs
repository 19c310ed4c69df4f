using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Makes a transform's expression behave in memory like its SQL translation: text functions go through
/// <see cref="CanonicalText"/>, and NULLs propagate instead of throwing — a member or method on a NULL receiver yields
/// NULL (value types are lifted to <see cref="Nullable{T}"/>), comparisons use C#'s lifted semantics (which EF Core
/// emulates in SQL), a NULL condition counts as false (like <c>WHERE</c> and <c>CASE WHEN</c>), and a NULL that reaches a
/// non-nullable target member throws (like a NOT NULL column).
/// </summary>
internal sealed class MemoryRewriter : ExpressionVisitor
{
    private static readonly Dictionary<(string Name, int Arguments), MethodInfo> s_canonicalString = new()
    {
        [(nameof(string.Trim), 0)] = Canonical(nameof(CanonicalText.Trim)),
        [(nameof(string.TrimStart), 0)] = Canonical(nameof(CanonicalText.TrimStart)),
        [(nameof(string.TrimEnd), 0)] = Canonical(nameof(CanonicalText.TrimEnd)),
        [(nameof(string.ToLower), 0)] = Canonical(nameof(CanonicalText.Lower)),
        [(nameof(string.ToUpper), 0)] = Canonical(nameof(CanonicalText.Upper)),
        [(nameof(string.StartsWith), 1)] = Canonical(nameof(CanonicalText.StartsWith)),
        [(nameof(string.EndsWith), 1)] = Canonical(nameof(CanonicalText.EndsWith)),
        [(nameof(string.Contains), 1)] = Canonical(nameof(CanonicalText.Contains)),
        [(nameof(string.Replace), 2)] = Canonical(nameof(CanonicalText.Replace)),
    };

    private static readonly HashSet<Type> s_integers = [typeof(int), typeof(long), typeof(short), typeof(byte)];

    public static Expression Rewrite(Expression expression) => new MemoryRewriter().Visit(QueryableInliner.Inline(expression));

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var body = Visit(node.Body);
        return Expression.Lambda(node.Type, Coerce(body, node.ReturnType), node.Parameters);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var operand = Visit(node.Operand);
        if (operand.Type == node.Operand.Type)
        {
            return node.Update(operand);
        }

        return node.NodeType switch
        {
            ExpressionType.Quote => Expression.Quote(operand),
            ExpressionType.Convert or ExpressionType.ConvertChecked when node.Type.IsValueType && Nullable.GetUnderlyingType(node.Type) is null =>
                Expression.Convert(operand, typeof(Nullable<>).MakeGenericType(node.Type)),
            ExpressionType.Convert or ExpressionType.ConvertChecked => Expression.Convert(operand, node.Type),
            ExpressionType.Not => Expression.Not(operand),
            ExpressionType.Negate => Expression.Negate(operand),
            _ => node.Update(Coerce(operand, node.Operand.Type)),
        };
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        if (node.NodeType == ExpressionType.Coalesce)
        {
            return left.Type == node.Left.Type && right.Type == node.Right.Type
                ? node.Update(left, node.Conversion, right)
                : Expression.Coalesce(left, right);
        }

        if (left.Type == node.Left.Type && right.Type == node.Right.Type)
        {
            return node.Update(left, node.Conversion, right);
        }

        if (node.NodeType is ExpressionType.AndAlso or ExpressionType.OrElse)
        {
            left = Coerce(left, typeof(bool?));
            right = Coerce(right, typeof(bool?));
            return node.NodeType == ExpressionType.AndAlso ? Expression.AndAlso(left, right) : Expression.OrElse(left, right);
        }

        // Lift both sides; comparisons keep C#'s lifted semantics (null == null, null < 1 is false) that EF Core emulates.
        left = Coerce(left, Lifted(left.Type));
        right = Coerce(right, Lifted(right.Type));
        return Expression.MakeBinary(node.NodeType, left, right, liftToNull: false, node.Method);
    }

    protected override Expression VisitConditional(ConditionalExpression node)
    {
        var test = Coerce(Visit(node.Test), typeof(bool));
        var ifTrue = Visit(node.IfTrue);
        var ifFalse = Visit(node.IfFalse);
        if (ifTrue.Type != node.Type || ifFalse.Type != node.Type)
        {
            var type = Lifted(node.Type);
            return Expression.Condition(test, Coerce(ifTrue, type), Coerce(ifFalse, type), type);
        }

        return Expression.Condition(test, ifTrue, ifFalse, node.Type);
    }

    protected override MemberAssignment VisitMemberAssignment(MemberAssignment node) =>
        node.Update(Coerce(Visit(node.Expression), MemberType(node.Member)));

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor is null)
        {
            return node;
        }

        var parameters = node.Constructor.GetParameters();
        var arguments = node.Arguments.Select((a, i) => Coerce(Visit(a), parameters[i].ParameterType));
        return node.Members is null ? Expression.New(node.Constructor, arguments) : Expression.New(node.Constructor, arguments, node.Members);
    }

    protected override Expression VisitNewArray(NewArrayExpression node)
    {
        var elementType = node.Type.GetElementType()!;
        var expressions = node.Expressions.Select(e => Coerce(Visit(e), node.NodeType == ExpressionType.NewArrayInit ? elementType : typeof(int)));
        return node.NodeType == ExpressionType.NewArrayInit
            ? Expression.NewArrayInit(elementType, expressions)
            : Expression.NewArrayBounds(elementType, expressions);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is null)
        {
            return node;
        }

        var receiver = Visit(node.Expression);
        var member = node.Member;
        if (Nullable.GetUnderlyingType(node.Expression.Type) is not null && member.Name == nameof(Nullable<int>.Value))
        {
            return receiver; // x.Value on NULL is NULL in SQL: keep the nullable.
        }

        if (receiver.Type == typeof(string) && member.Name == nameof(string.Length))
        {
            return Expression.Call(Canonical(nameof(CanonicalText.Length)), receiver);
        }

        if (receiver is ConstantExpression || !CanBeNull(receiver, node.Expression.Type))
        {
            return node.Update(receiver);
        }

        return Guarded([receiver], node.Type, values => Expression.MakeMemberAccess(values[0], member), node.Expression.Type);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        var receiver = node.Object is null ? null : Visit(node.Object);
        var arguments = node.Arguments.Select(Visit).ToList();
        var parameters = method.GetParameters();

        if (method.DeclaringType == typeof(Queryable) || method.DeclaringType == typeof(Enumerable))
        {
            return Expression.Call(receiver, method, arguments.Select((a, i) => Coerce(a!, parameters[i].ParameterType)));
        }

        if (method.DeclaringType == typeof(string) && !method.IsStatic
            && parameters.All(p => p.ParameterType == typeof(string))
            && s_canonicalString.TryGetValue((method.Name, arguments.Count), out var canonical))
        {
            return Expression.Call(canonical, [receiver!, .. arguments!]);
        }

        if (method.DeclaringType == typeof(string) && method.Name == nameof(string.Substring))
        {
            var start = Coerce(arguments[0]!, typeof(int));
            var length = arguments.Count > 1 ? Coerce(arguments[1]!, typeof(int?)) : Expression.Constant(null, typeof(int?));
            return Expression.Call(Canonical(nameof(CanonicalText.Substring)), receiver!, start, length);
        }

        if (method.DeclaringType == typeof(string) && method.Name == nameof(string.IsNullOrWhiteSpace))
        {
            return Expression.Call(Canonical(nameof(CanonicalText.IsNullOrBlank)), arguments[0]!);
        }

        if (method.DeclaringType == typeof(Regex) && method.Name == nameof(Regex.IsMatch) && arguments.Count == 2)
        {
            return Expression.Call(Canonical(nameof(CanonicalText.IsMatch)), arguments[0]!, arguments[1]!);
        }

        if (method.Name == nameof(ToString) && arguments.Count == 0 && s_integers.Contains(node.Object!.Type))
        {
            var text = Canonical(nameof(CanonicalText.ToText));
            return receiver!.Type == node.Object.Type
                ? Expression.Call(text, Expression.Convert(receiver, typeof(long)))
                : Guarded([receiver], typeof(string), v => Expression.Call(text, Expression.Convert(v[0], typeof(long))), node.Object.Type);
        }

        // Any other method: NULL receiver or NULL (lifted) value argument gives NULL, like a SQL function.
        var guarded = new List<(Expression Value, Type Original)>();
        if (receiver is not null && receiver is not ConstantExpression && CanBeNull(receiver, node.Object!.Type))
        {
            guarded.Add((receiver, node.Object.Type));
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i]!.Type != parameters[i].ParameterType && Nullable.GetUnderlyingType(arguments[i]!.Type) == parameters[i].ParameterType)
            {
                guarded.Add((arguments[i]!, parameters[i].ParameterType));
            }
        }

        if (guarded.Count == 0)
        {
            return Expression.Call(receiver, method, arguments.Select((a, i) => Coerce(a!, parameters[i].ParameterType)));
        }

        return Guarded(
            guarded.Select(g => g.Value).ToList(),
            node.Type,
            values =>
            {
                var replaced = guarded.Select((g, i) => (g.Value, values[i])).ToDictionary(p => p.Value, p => p.Item2);
                var newReceiver = receiver is null ? null : replaced.GetValueOrDefault(receiver, receiver);
                var newArguments = arguments.Select((a, i) => Coerce(replaced.GetValueOrDefault(a!, a!), parameters[i].ParameterType));
                return Expression.Call(newReceiver, method, newArguments);
            },
            null);
    }

    /// <summary>
    /// <c>v1 == null || v2 == null ? null : body(v1.Value, v2.Value)</c>: the shape of SQL NULL propagation. The body
    /// receives the values unwrapped to their original (non-nullable) types.
    /// </summary>
    private static Expression Guarded(IReadOnlyList<Expression> values, Type resultType, Func<IReadOnlyList<Expression>, Expression> body, Type? originalType)
    {
        var test = values.Select(v => (Expression)Expression.Equal(v, Expression.Constant(null, v.Type))).Aggregate(Expression.OrElse);
        var unwrapped = values
            .Select(v => Nullable.GetUnderlyingType(v.Type) is { } underlying && underlying != (originalType ?? v.Type) ? Expression.Convert(v, underlying) : v)
            .Select((v, i) => originalType is not null && v.Type != originalType ? Expression.Convert(v, originalType) : v)
            .ToList();
        var lifted = Lifted(resultType);
        return Expression.Condition(test, Expression.Constant(null, lifted), Coerce(body(unwrapped), lifted), lifted);
    }

    private static bool CanBeNull(Expression value, Type originalType) =>
        !value.Type.IsValueType || (Nullable.GetUnderlyingType(value.Type) is not null && Nullable.GetUnderlyingType(originalType) is null);

    /// <summary>Converts <paramref name="value"/> to <paramref name="type"/>: a NULL condition is false, a NULL non-nullable value throws.</summary>
    internal static Expression Coerce(Expression value, Type type)
    {
        if (value.Type == type)
        {
            return value;
        }

        if (type == typeof(bool) && value.Type == typeof(bool?))
        {
            return Expression.Equal(value, Expression.Constant(true, typeof(bool?)));
        }

        if (type.IsAssignableFrom(value.Type) && !value.Type.IsValueType)
        {
            return value;
        }

        if (typeof(LambdaExpression).IsAssignableFrom(type) || value.NodeType == ExpressionType.Quote)
        {
            return value;
        }

        return Expression.Convert(value, type);
    }

    private static Type Lifted(Type type) =>
        type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;

    private static Type MemberType(MemberInfo member) => member switch
    {
        PropertyInfo property => property.PropertyType,
        FieldInfo field => field.FieldType,
        _ => throw new NotSupportedException(member.Name),
    };

    private static MethodInfo Canonical(string name) => typeof(CanonicalText).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
}
