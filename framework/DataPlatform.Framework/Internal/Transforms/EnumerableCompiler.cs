using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Turns a rewritten in-memory query into ONE compiled delegate: every <see cref="Queryable"/> operator (nested
/// sub-queries inside rules and filters included) becomes its <see cref="Enumerable"/> twin with a plain delegate
/// argument, and every in-memory source becomes a constant <see cref="IEnumerable{T}"/>. Left to
/// <see cref="EnumerableQuery"/>, a nested <c>set.Any(p =&gt; ...)</c> stays a quoted expression that is re-quoted,
/// rewritten and compiled again for every outer row (about 25 ms a row).
/// </summary>
internal sealed class EnumerableCompiler : ExpressionVisitor
{
    private static readonly ILookup<string, MethodInfo> s_enumerable = typeof(Enumerable)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .ToLookup(m => m.Name, StringComparer.Ordinal);

    private static readonly HashSet<Type> s_keyTypes =
    [
        typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(char), typeof(string), typeof(Guid),
        typeof(DateTime), typeof(DateOnly), typeof(TimeOnly),
    ];

    private static readonly MethodInfo s_anyAll = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 1);

    /// <summary>Compiles <paramref name="query"/> (an <see cref="IQueryable{T}"/> expression) to a function returning its rows.</summary>
    public static Func<IEnumerable<T>> Compile<T>(Expression query)
    {
        var body = new EnumerableCompiler().Visit(query);
        var typed = MemoryRewriter.Coerce(body, typeof(IEnumerable<T>));
        return Expression.Lambda<Func<IEnumerable<T>>>(typed).Compile();
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        // An in-memory source: enumerating an EnumerableQuery over a list walks the list directly.
        if (node.Value is IQueryable queryable && queryable.Provider is EnumerableQuery)
        {
            if (queryable.Expression is ConstantExpression root && ReferenceEquals(root.Value, queryable))
            {
                return Expression.Constant(queryable, typeof(IEnumerable<>).MakeGenericType(queryable.ElementType));
            }

            return Visit(queryable.Expression);
        }

        return node;
    }

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.NodeType == ExpressionType.Quote ? Visit(node.Operand) : base.VisitUnary(node);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType != typeof(Queryable))
        {
            return base.VisitMethodCall(node);
        }

        var arguments = node.Arguments.Select(a => Visit(a)).ToList();
        var method = EnumerableTwin(node.Method);
        var parameters = method.GetParameters();
        var call = Expression.Call(method, arguments.Select((a, i) => MemoryRewriter.Coerce(a, parameters[i].ParameterType)));
        return SemiJoin(call) ?? call;
    }

    /// <summary>
    /// <c>source.Any(p =&gt; p.A == outer.X &amp;&amp; p.B == outer.Y &amp;&amp; rest)</c> over a constant source becomes a probe of a
    /// <see cref="SemiJoinIndex{T}"/> keyed on (A, B) followed by <c>Any(rest)</c> over the few matching rows.
    /// </summary>
    private static MethodCallExpression? SemiJoin(MethodCallExpression call)
    {
        if (call.Method.Name != nameof(Enumerable.Any) || call.Arguments.Count != 2
            || call.Arguments[0] is not ConstantExpression { Value: not null } source
            || call.Arguments[1] is not LambdaExpression { Parameters.Count: 1 } predicate)
        {
            return null;
        }

        var element = predicate.Parameters[0];
        var inner = new List<Expression>();
        var outer = new List<Expression>();
        var rest = new List<Expression>();
        foreach (var conjunct in Predicates.Conjuncts(predicate.Body))
        {
            if (conjunct is BinaryExpression { NodeType: ExpressionType.Equal, Method: null } equal && s_keyTypes.Contains(Nullable.GetUnderlyingType(equal.Left.Type) ?? equal.Left.Type))
            {
                var leftInner = OnlyUses(equal.Left, element);
                var rightInner = OnlyUses(equal.Right, element);
                var leftOuter = !Uses(equal.Left, element);
                var rightOuter = !Uses(equal.Right, element);
                if (leftInner && rightOuter)
                {
                    inner.Add(equal.Left);
                    outer.Add(equal.Right);
                    continue;
                }

                if (rightInner && leftOuter)
                {
                    inner.Add(equal.Right);
                    outer.Add(equal.Left);
                    continue;
                }
            }

            rest.Add(conjunct);
        }

        if (inner.Count == 0)
        {
            return null;
        }

        var type = element.Type;
        var innerKey = Expression.Lambda(typeof(Func<,>).MakeGenericType(type, typeof(SemiJoinKey)), Key(inner), element).Compile();
        var index = Activator.CreateInstance(typeof(SemiJoinIndex<>).MakeGenericType(type), source.Value, innerKey)!;
        var matches = Expression.Call(Expression.Constant(index), index.GetType().GetMethod(nameof(SemiJoinIndex<object>.Matches))!, Key(outer));
        if (rest.Count == 0)
        {
            return Expression.Call(s_anyAll.MakeGenericMethod(type), matches);
        }

        var residual = Expression.Lambda(predicate.Type, rest.Aggregate(Expression.AndAlso), element);
        return Expression.Call(call.Method, matches, residual);
    }

    private static NewExpression Key(List<Expression> values) =>
        Expression.New(
            typeof(SemiJoinKey).GetConstructors()[0],
            Expression.NewArrayInit(typeof(object), values.Select(v => Expression.Convert(v, typeof(object)))));

    // Whether the expression's only free parameter is `element` (and it uses it).
    private static bool OnlyUses(Expression expression, ParameterExpression element)
    {
        var free = FreeParameters.Of(expression);
        return free.Count == 1 && free.Contains(element);
    }

    private static bool Uses(Expression expression, ParameterExpression element) => FreeParameters.Of(expression).Contains(element);

    protected override Expression VisitExtension(Expression node) => node;

    private static MethodInfo EnumerableTwin(MethodInfo queryable)
    {
        var definition = queryable.IsGenericMethod ? queryable.GetGenericMethodDefinition() : queryable;
        var wanted = definition.GetParameters().Select(p => EnumerableShape(p.ParameterType)).ToList();
        var twin = s_enumerable[queryable.Name].SingleOrDefault(m =>
            m.IsGenericMethodDefinition == definition.IsGenericMethodDefinition
            && m.GetGenericArguments().Length == definition.GetGenericArguments().Length
            && m.GetParameters().Select(p => p.ParameterType).Select(Shape).SequenceEqual(wanted.Select(Shape)))
            ?? throw new NotSupportedException($"No in-memory counterpart for Queryable.{queryable.Name}.");
        return queryable.IsGenericMethod ? twin.MakeGenericMethod(queryable.GetGenericArguments()) : twin;
    }

    // Expression<Func<...>> -> Func<...>, IQueryable<T> -> IEnumerable<T>, anything else as is.
    private static Type EnumerableShape(Type type)
    {
        if (!type.IsGenericType)
        {
            return type == typeof(IQueryable) ? typeof(System.Collections.IEnumerable) : type;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(Expression<>))
        {
            return type.GetGenericArguments()[0];
        }

        if (definition == typeof(IQueryable<>) || definition == typeof(IOrderedQueryable<>))
        {
            return (definition == typeof(IQueryable<>) ? typeof(IEnumerable<>) : typeof(IOrderedEnumerable<>)).MakeGenericType(type.GetGenericArguments());
        }

        return type;
    }

    // A comparable text form of a (possibly open generic) parameter type.
    private static string Shape(Type type) =>
        type.IsGenericParameter ? "T" + type.GenericParameterPosition.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : type.IsGenericType ? type.GetGenericTypeDefinition().FullName + "[" + string.Join(",", type.GetGenericArguments().Select(Shape)) + "]"
        : type.IsArray ? Shape(type.GetElementType()!) + "[]"
        : type.FullName ?? type.Name;
}
