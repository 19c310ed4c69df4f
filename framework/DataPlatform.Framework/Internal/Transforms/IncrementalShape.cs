using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Mixins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Whether, and how, a run can recompute only the target keys whose inputs changed. The input query must be a tree of
/// tables combined by <c>Where</c>, <c>Select</c>, <c>SelectMany</c> (lookups), <c>Join</c>, <c>LeftJoin</c>, <c>GroupBy</c>
/// and <c>DefaultIfEmpty</c>; rules and map may read only the input row; nothing may capture a run-time value. Then the
/// keys a change of table T can affect are those of a <b>variant</b> of the query (<see cref="Variant"/>): T's occurrence
/// narrowed to its changed rows, every filter that does not join dropped (a row that left a filter must be recomputed to
/// be removed), outer joins on the way to T made inner, and T's lookup match kept to its equalities (a closed or opened
/// validity range changes which rows match). Each variant selects the target key, so the union is a superset of the keys
/// whose output can differ from the target's. The root's variant is the root's changed rows alone, each selecting its key,
/// when the target key is one of the root's identity members, carried unchanged by the input (<c>x.Payment.PaymentId</c>):
/// every output row of that key comes from the root row with that identity, so joins and filters can only narrow the
/// changed rows' keys, and a superset is all the caller needs (a key whose recomputation yields no row loses its target
/// row to the delete; an unchanged result is left as it is by the write).
/// </summary>
/// <remarks>
/// A variant sees a changed row's current values only. A table whose rows are matched on their identity (primary key,
/// upsert key or SCD2 natural key, which the framework never rewrites) is <see cref="ChangeLeaf.StableLink"/>: a changed row
/// still reaches every key it reached before. Any other table is safe only while its changes are inserts, which the
/// caller checks (a moved payment would otherwise leave its old rental's sums stale).
/// </remarks>
internal sealed class IncrementalShape
{
    private static readonly MethodInfo s_contains = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2);

    private static readonly MethodInfo s_parameter = typeof(EF).GetMethod(nameof(EF.Parameter))!;
    private static readonly MethodInfo s_property = typeof(EF).GetMethod(nameof(EF.Property))!.MakeGenericMethod(typeof(uint));
    private static readonly MethodInfo s_age = typeof(RowVersions).GetMethod(nameof(RowVersions.Age))!;
    private static readonly MethodInfo s_set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    private static readonly HashSet<string> s_operators =
    [
        nameof(Queryable.Where), nameof(Queryable.Select), nameof(Queryable.SelectMany), nameof(Queryable.Join),
        nameof(Queryable.LeftJoin), nameof(Queryable.GroupBy), nameof(Queryable.DefaultIfEmpty),
    ];

    private readonly Expression _rows;
    private readonly List<ChangeLeaf> _leaves = [];
    private LambdaExpression? _rootKey;

    private IncrementalShape(Expression rows, LambdaExpression targetKey, LambdaExpression sourceKey)
    {
        _rows = rows;
        TargetKey = targetKey;
        SourceKey = sourceKey;
    }

    /// <summary>The tables of the input, one per occurrence, in the order a visitor meets them (the root first).</summary>
    public IReadOnlyList<ChangeLeaf> Leaves => _leaves;

    /// <summary>The map's expression of the target key: input row → key value.</summary>
    public LambdaExpression TargetKey { get; }

    /// <summary>The transform's <c>KeyedBy</c> (the quarantine's row key): input row → key value.</summary>
    public LambdaExpression SourceKey { get; }

    /// <summary>
    /// The shape of a composed transform, or null with the reason it cannot run incrementally (then it recomputes everything).
    /// </summary>
    public static (IncrementalShape? Shape, string? Reason) Analyze<TSource, TTarget>(ComposedTransform<TSource, TTarget> transform, TargetTable table)
        where TSource : class
        where TTarget : class
    {
        var key = table.ResolveKey(null);
        if (key.Count != 1)
        {
            return (null, "the target key has more than one column");
        }

        var binding = transform.Bindings.FirstOrDefault(b => b.Member.Name == key[0].Property);
        if (binding is null || transform.Definition.Key is null || transform.KeyMembers.Count != 1)
        {
            return (null, "the map or KeyedBy does not name one key member");
        }

        var map = transform.Definition.Map;
        var targetKey = Expression.Lambda(binding.Expression, map.Parameters);
        var rows = QueryableInliner.Inline(transform.Rows);
        var shape = new IncrementalShape(rows, targetKey, transform.Definition.Key);
        var walker = new ShapeWalker(shape);
        try
        {
            walker.Pure(targetKey);
            foreach (var rule in transform.Rules)
            {
                walker.Pure(QueryableInliner.Inline(rule.Passes));
            }

            foreach (var assignment in transform.Bindings)
            {
                walker.Pure(QueryableInliner.Inline(assignment.Expression));
            }

            walker.Source(rows, Link.Root);
        }
        catch (UnsupportedShapeException e)
        {
            return (null, e.Message);
        }

        if (shape._leaves.Count == 0)
        {
            return (null, "the input reads no table");
        }

        if (shape._leaves.Any(l => l.IsRoot && l.StableLink))
        {
            shape._rootKey = RootKey(rows, targetKey);
        }

        return (shape, null);
    }

    /// <summary>
    /// The keys a change of leaf <paramref name="leaf"/> can affect: the variant described on the class, selecting the
    /// target key, with every table root taken from <paramref name="changes"/> (a context whose model maps <c>xmin</c>)
    /// and the leaf narrowed to the rows <paramref name="horizon"/> counts as changed. For a root whose identity is the
    /// target key, the root's changed rows only, each selecting its own key (see the class).
    /// </summary>
    public IQueryable Variant(DbContext changes, int leaf, ChangeHorizon horizon)
    {
        if (_rootKey is not null && _leaves[leaf].IsRoot)
        {
            return Select(changes, Changed(changes, _leaves[leaf].EntityType.ClrType, horizon), _rootKey);
        }

        var builder = new VariantBuilder(changes, leaf, horizon);
        var variant = builder.Visit(_rows)!;
        return Select(changes, variant, TargetKey);
    }

    /// <summary>The target keys of the input rows whose source key (<c>KeyedBy</c>) is one of <paramref name="sourceKeys"/>.</summary>
    public IQueryable OfSourceKeys(DbContext changes, System.Collections.IList sourceKeys)
    {
        var rows = new VariantBuilder(changes, -1, new ChangeHorizon(-1, -1)).Visit(_rows)!;
        var rowType = SourceKey.Parameters[0].Type;
        var filtered = Expression.Call(QueryableMethods.Where.MakeGenericMethod(rowType), rows, Expression.Quote(In(SourceKey, sourceKeys)));
        return Select(changes, filtered, TargetKey);
    }

    /// <summary><c>row =&gt; keys.Contains(key(row))</c>, the keys one array parameter (<c>= ANY(@p)</c>).</summary>
    public static LambdaExpression In(LambdaExpression key, System.Collections.IList keys)
    {
        var keyType = key.ReturnType;
        var holder = Activator.CreateInstance(typeof(KeyHolder<>).MakeGenericType(keyType), keys)!;
        var list = Expression.Property(Expression.Constant(holder), nameof(KeyHolder<int>.Keys));
        var parameter = Expression.Call(s_parameter.MakeGenericMethod(list.Type), list);
        return Expression.Lambda(Expression.Call(s_contains.MakeGenericMethod(keyType), parameter, key.Body), key.Parameters);
    }

    /// <summary><c>changes.Set&lt;T&gt;().Where(row =&gt; the row counts as changed at horizon)</c>.</summary>
    private static Expression Changed(DbContext changes, Type clrType, ChangeHorizon horizon)
    {
        var set = (IQueryable)s_set.MakeGenericMethod(clrType).Invoke(changes, null)!;
        var row = Expression.Parameter(clrType, "changed");
        var age = Expression.Call(s_age, Expression.Call(s_property, row, Expression.Constant(RowVersions.Column)));
        var changed = Expression.Lambda(
            Expression.AndAlso(Expression.LessThanOrEqual(age, Expression.Constant(horizon.Age)), Expression.NotEqual(age, Expression.Constant(horizon.OwnAge))), row);
        return Expression.Call(QueryableMethods.Where.MakeGenericMethod(clrType), set.Expression, Expression.Quote(changed));
    }

    /// <summary>
    /// The target key as a function of the root row, <c>root =&gt; root.Id</c>, when the input carries the root row itself
    /// to the key and the key is one of the root's identity members; null otherwise. The key is followed down the root's
    /// path (the first argument of each operator), through each selector's member assignments to the row it came from.
    /// </summary>
    private static LambdaExpression? RootKey(Expression rows, LambdaExpression targetKey)
    {
        var (key, row) = (targetKey.Body, targetKey.Parameters[0]);
        while (rows is MethodCallExpression call && call.Method.DeclaringType == typeof(Queryable))
        {
            switch (call.Method.Name, call.Arguments.Count)
            {
                case (nameof(Queryable.Where), 2) or (nameof(Queryable.DefaultIfEmpty), 1):
                    break;
                case (nameof(Queryable.Select), 2) or (nameof(Queryable.SelectMany), 3) or (nameof(Queryable.Join) or nameof(Queryable.LeftJoin), 5):
                    // The last argument builds the row from the root's path's row, its first parameter.
                    var selector = Unquote(call.Arguments[^1]);
                    (key, row) = (new RowSubstitution(row, selector.Body).Visit(key)!, selector.Parameters[0]);
                    break;
                default:
                    return null;
            }

            rows = call.Arguments[0];
        }

        var member = key;
        while (member is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            member = convert.Operand;
        }

        return rows is EntityQueryRootExpression root && root.EntityType.ClrType == row.Type
            && MemberOf(member, row) is { } name && IdentityMembers(root.EntityType).Contains(name)
            ? Expression.Lambda(key, row)
            : null;
    }

    private static IQueryable Select(DbContext changes, Expression rows, LambdaExpression key)
    {
        var elementType = rows.Type.GetGenericArguments()[0];
        var call = Expression.Call(QueryableMethods.Select.MakeGenericMethod(elementType, key.ReturnType), rows, Expression.Quote(key));
        return ((IQueryProvider)changes.GetService<IAsyncQueryProvider>()).CreateQuery(call);
    }

    /// <summary>The columns that identify a row of <paramref name="entityType"/> for good: keys and the SCD2 natural key.</summary>
    private static HashSet<string> IdentityMembers(IEntityType entityType)
    {
        var members = entityType.GetKeys().SelectMany(k => k.Properties).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (entityType.FindAnnotation(MixinAnnotations.NaturalKey)?.Value is string natural)
        {
            members.UnionWith(natural.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        return members;
    }

    /// <summary>The equalities of a lookup's match, <c>d.X == outer.Y</c>, as the members of the looked-up row they compare.</summary>
    private static List<(Expression Conjunct, string Member)> Equalities(LambdaExpression match)
    {
        var result = new List<(Expression, string)>();
        foreach (var conjunct in Predicates.Conjuncts(match.Body))
        {
            if (conjunct is BinaryExpression { NodeType: ExpressionType.Equal } equal
                && (MemberOf(equal.Left, match.Parameters[0]) ?? MemberOf(equal.Right, match.Parameters[0])) is { } member)
            {
                result.Add((conjunct, member));
            }
        }

        return result;
    }

    private static string? MemberOf(Expression expression, ParameterExpression parameter)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert } convert)
        {
            expression = convert.Operand;
        }

        return expression is MemberExpression { Expression: { } instance } member && instance == parameter ? member.Member.Name : null;
    }

    private static LambdaExpression Unquote(Expression expression) =>
        (LambdaExpression)(expression is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : expression);

    private static bool IsCorrelated(LambdaExpression lambda) => FreeParameters.Of(lambda).Count > 0;

    /// <summary>How a table's rows connect to the query above them.</summary>
    private abstract record Link
    {
        public static readonly Link Root = new RootLink();

        public static readonly Link Unknown = new UnknownLink();
    }

    private sealed record RootLink : Link;

    private sealed record UnknownLink : Link;

    private sealed record MemberLink(IReadOnlyList<string> Members) : Link;

    /// <summary>Holds the keys of a filter so EF Core sends them as one parameter.</summary>
    private sealed class KeyHolder<T>(System.Collections.IList keys)
    {
        public List<T> Keys { get; } = keys.Cast<T>().ToList();
    }

    private sealed class UnsupportedShapeException(string message) : Exception(message);

    /// <summary>Checks the shape and collects the leaves; throws <see cref="UnsupportedShapeException"/> naming what does not fit.</summary>
    private sealed class ShapeWalker(IncrementalShape shape)
    {
        public void Source(Expression node, Link link)
        {
            switch (node)
            {
                case EntityQueryRootExpression root:
                    Leaf(root.EntityType, link);
                    return;
                case MethodCallExpression call when call.Method.DeclaringType == typeof(Queryable) && s_operators.Contains(call.Method.Name):
                    Operator(call, link);
                    return;
                case MethodCallExpression call:
                    throw new UnsupportedShapeException($"the input uses {call.Method.Name}");
                default:
                    throw new UnsupportedShapeException($"the input reads {node.NodeType} {node.Type.Name}, not a table");
            }
        }

        public void Pure(Expression expression)
        {
            var finder = new ImpurityFinder();
            finder.Visit(expression);
            if (finder.Reason is { } reason)
            {
                throw new UnsupportedShapeException(reason);
            }
        }

        private void Operator(MethodCallExpression call, Link link)
        {
            var arguments = call.Arguments;
            switch (call.Method.Name)
            {
                case nameof(Queryable.Where):
                    var predicate = Unquote(arguments[1]);
                    Pure(predicate);
                    if (IsCorrelated(predicate))
                    {
                        var equalities = Equalities(predicate);
                        Source(arguments[0], equalities.Count == 0 ? Link.Unknown : new MemberLink([.. equalities.Select(e => e.Member)]));
                    }
                    else
                    {
                        Source(arguments[0], link);
                    }

                    return;
                case nameof(Queryable.Select):
                    Pure(arguments[1]);
                    Source(arguments[0], link == Link.Root ? Link.Root : Link.Unknown);
                    return;
                case nameof(Queryable.DefaultIfEmpty) when arguments.Count == 1:
                    Source(arguments[0], link);
                    return;
                case nameof(Queryable.SelectMany) when arguments.Count == 3:
                    Source(arguments[0], link);
                    Source(Unquote(arguments[1]).Body, Link.Unknown);
                    Pure(arguments[2]);
                    return;
                case nameof(Queryable.Join) or nameof(Queryable.LeftJoin) when arguments.Count == 5:
                    Source(arguments[0], link);
                    var innerKey = Unquote(arguments[3]);
                    var members = KeyMembers(innerKey);
                    Source(arguments[1], members is null ? Link.Unknown : new MemberLink(members));
                    Pure(arguments[2]);
                    Pure(innerKey);
                    Pure(arguments[4]);
                    return;
                case nameof(Queryable.GroupBy) when arguments.Count is 2 or 3:
                    var groupKey = Unquote(arguments[1]);
                    Source(arguments[0], link == Link.Root || KeyMembers(groupKey) is not { } groupMembers ? Link.Unknown : new MemberLink(groupMembers));
                    Pure(groupKey);
                    if (arguments.Count == 3)
                    {
                        Pure(arguments[2]);
                    }

                    return;
                default:
                    throw new UnsupportedShapeException($"the input uses {call.Method.Name} with {arguments.Count} arguments");
            }
        }

        private static List<string>? KeyMembers(LambdaExpression key)
        {
            var body = key.Body;
            var parts = body is NewExpression created ? created.Arguments : (IReadOnlyList<Expression>)[body];
            var members = parts.Select(p => MemberOf(p, key.Parameters[0])).ToList();
            return members.Any(m => m is null) ? null : members.Select(m => m!).ToList();
        }

        private void Leaf(IEntityType entityType, Link link)
        {
            if (entityType.GetTableName() is null)
            {
                throw new UnsupportedShapeException($"the input reads {entityType.DisplayName()}, which is not a table");
            }

            var identity = IdentityMembers(entityType);
            var stable = link switch
            {
                RootLink => RootKeyIsIdentity(entityType, identity),
                MemberLink m => m.Members.All(identity.Contains),
                _ => false,
            };
            shape._leaves.Add(new ChangeLeaf(entityType, stable, link is RootLink));
        }

        // The root's rows map to target keys through the key binding: a member chain ending at the root's own identity
        // (x.Rental.RentalId) cannot move to another key when the row changes.
        private bool RootKeyIsIdentity(IEntityType root, HashSet<string> identity)
        {
            var body = shape.TargetKey.Body;
            while (body is UnaryExpression { NodeType: ExpressionType.Convert } convert)
            {
                body = convert.Operand;
            }

            return body is MemberExpression { Expression: { } owner } member && owner.Type == root.ClrType && identity.Contains(member.Member.Name);
        }
    }

    /// <summary>Finds what a lambda of an incremental transform must not contain: tables, queries, captured values.</summary>
    private sealed class ImpurityFinder : ExpressionVisitor
    {
        public string? Reason { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (Reason is not null || node is null)
            {
                return node;
            }

            switch (node)
            {
                case EntityQueryRootExpression root:
                    Reason = $"a rule, selector or map reads {root.EntityType.DisplayName()}";
                    return node;
                case MethodCallExpression call when call.Method.DeclaringType == typeof(Queryable):
                    Reason = $"a rule, selector or map runs a query ({call.Method.Name})";
                    return node;
                case MemberExpression { Expression: ConstantExpression } member:
                    Reason = $"the transform captures the value {member.Member.Name}, which may differ per run";
                    return node;
                case ConstantExpression constant when constant.Value is not null && !IsPlainValue(constant.Type):
                    Reason = $"the transform captures a {constant.Type.Name}";
                    return node;
                default:
                    return base.Visit(node);
            }
        }

        protected override Expression VisitExtension(Expression node) => node;

        private static bool IsPlainValue(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
                || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly)
                || type == typeof(TimeOnly) || type == typeof(char[]);
        }
    }

    /// <summary>
    /// Replaces a row parameter by the expression that built the row, and reads a member of a built row (<c>new { p, r }.p</c>,
    /// <c>new Input { Payment = p }.Payment</c>) as the expression assigned to it.
    /// </summary>
    private sealed class RowSubstitution(ParameterExpression row, Expression built) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == row ? built : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            var instance = Visit(node.Expression);
            var assigned = instance switch
            {
                NewExpression { Members: { } members } created =>
                    members.Select((m, i) => (m, i)).Where(x => x.m.Name == node.Member.Name).Select(x => created.Arguments[x.i]).FirstOrDefault(),
                MemberInitExpression init =>
                    init.Bindings.OfType<MemberAssignment>().Where(b => b.Member.Name == node.Member.Name).Select(b => b.Expression).FirstOrDefault(),
                _ => null,
            };
            return assigned is not null && assigned.Type == node.Type ? assigned : node.Update(instance);
        }

        protected override Expression VisitExtension(Expression node) => node;
    }

    /// <summary>Builds the variant of one leaf (or, for leaf -1, the query itself) over the roots of another context.</summary>
    private sealed class VariantBuilder(DbContext changes, int target, ChangeHorizon horizon) : ExpressionVisitor
    {
        private int _next;
        private bool _seen;

        protected override Expression VisitExtension(Expression node)
        {
            if (node is not EntityQueryRootExpression root)
            {
                return node;
            }

            var isTarget = _next++ == target;
            _seen |= isTarget;
            var clrType = root.EntityType.ClrType;
            return isTarget ? Changed(changes, clrType, horizon) : ((IQueryable)s_set.MakeGenericMethod(clrType).Invoke(changes, null)!).Expression;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Queryable) || target < 0)
            {
                return base.VisitMethodCall(node);
            }

            var outer = _seen;
            var arguments = new Expression[node.Arguments.Count];
            var contains = new bool[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                _seen = false;
                arguments[i] = Visit(node.Arguments[i])!;
                contains[i] = _seen;
            }

            _seen = outer || contains.Any(c => c);
            switch (node.Method.Name)
            {
                case nameof(Queryable.Where):
                    var predicate = Unquote(arguments[1]);
                    if (!IsCorrelated(predicate))
                    {
                        return arguments[0];
                    }

                    if (contains[0] && node.Arguments[0] is EntityQueryRootExpression)
                    {
                        var kept = Equalities(predicate).Select(e => e.Conjunct).ToList();
                        return kept.Count == 0
                            ? arguments[0]
                            : node.Update(null, [arguments[0], Expression.Quote(Expression.Lambda(kept.Aggregate(Expression.AndAlso), predicate.Parameters))]);
                    }

                    break;
                case nameof(Queryable.DefaultIfEmpty) when contains[0]:
                    return arguments[0];
                case nameof(Queryable.LeftJoin) when contains[1]:
                    return Expression.Call(QueryableMethods.Join.MakeGenericMethod(node.Method.GetGenericArguments()), arguments);
            }

            return node.Update(null, arguments);
        }
    }
}

/// <summary>One table occurrence of an incremental transform's input.</summary>
/// <param name="EntityType">The table's entity type.</param>
/// <param name="StableLink">Whether its rows are matched on their identity only (updates are safe, see <see cref="IncrementalShape"/>).</param>
/// <param name="IsRoot">Whether it is the query's root (the rows the target keys come from).</param>
internal sealed record ChangeLeaf(IEntityType EntityType, bool StableLink, bool IsRoot);
