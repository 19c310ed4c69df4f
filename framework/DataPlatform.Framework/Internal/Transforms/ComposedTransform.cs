using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// A transform definition turned into provider-independent query expressions: the pass query (rows that satisfy every
/// rule, mapped), the quarantine query (rows that fail a rule, with the first failing rule) and the input rows. Both come
/// from ONE classifying expression, <c>!rule1 ? "rule1" : !rule2 ? "rule2" : null</c>, so every row lands in exactly
/// one of them on both paths. Checks the transform with <see cref="TransformPolicy"/> first.
/// </summary>
internal sealed class ComposedTransform<TSource, TTarget>
    where TSource : class
    where TTarget : class
{
    private ComposedTransform(string name, TransformDefinition<TSource, TTarget> definition, IReadOnlyList<MemberAssignment> bindings, IReadOnlyList<MemberInfo> keyMembers)
    {
        Name = name;
        Definition = definition;
        Bindings = bindings;
        KeyMembers = keyMembers;
        var row = Expression.Parameter(typeof(TSource), "row");
        var classify = Classifier(row);

        Rows = definition.Rows.Expression;
        var passing = definition.Rules.Count == 0
            ? Rows
            : Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(TSource)), Rows, Expression.Quote(Expression.Lambda<Func<TSource, bool>>(
                Expression.Equal(classify, Expression.Constant(null, typeof(string))), row)));
        Pass = Expression.Call(QueryableMethods.Select.MakeGenericMethod(typeof(TSource), typeof(TTarget)), passing, Expression.Quote(definition.Map));

        if (definition.Rules.Count > 0)
        {
            var failing = Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(TSource)), Rows, Expression.Quote(Expression.Lambda<Func<TSource, bool>>(
                Expression.NotEqual(classify, Expression.Constant(null, typeof(string))), row)));
            var probe = Expression.MemberInit(
                Expression.New(typeof(QuarantineProbe<TSource>)),
                Expression.Bind(typeof(QuarantineProbe<TSource>).GetProperty(nameof(QuarantineProbe<TSource>.DpRule))!, classify),
                Expression.Bind(typeof(QuarantineProbe<TSource>).GetProperty(nameof(QuarantineProbe<TSource>.Row))!, row));
            var toProbe = Expression.Quote(Expression.Lambda<Func<TSource, QuarantineProbe<TSource>>>(probe, row));
            Quarantine = Expression.Call(QueryableMethods.Select.MakeGenericMethod(typeof(TSource), typeof(QuarantineProbe<TSource>)), failing, toProbe);
            Classified = Expression.Call(QueryableMethods.Select.MakeGenericMethod(typeof(TSource), typeof(QuarantineProbe<TSource>)), Rows, toProbe);
            ClassifiedMapped = MapClassified(Classified, definition.Map.Parameters[0]);
        }
    }

    public string Name { get; }

    public TransformDefinition<TSource, TTarget> Definition { get; }

    /// <summary>The member assignments of the map, in declaration order.</summary>
    public IReadOnlyList<MemberAssignment> Bindings { get; }

    /// <summary>The source members that identify a row in the quarantine table.</summary>
    public IReadOnlyList<MemberInfo> KeyMembers { get; }

    public Expression Rows { get; }

    public Expression Pass { get; }

    public Expression? Quarantine { get; }

    /// <summary>
    /// Every input row with its first failing rule (NULL when it passes): the server filters the failing rows itself, so
    /// the rules are evaluated once per row instead of once in a WHERE and again in the select list.
    /// </summary>
    public Expression? Classified { get; }

    /// <summary>
    /// Every input row classified and, when it passes, mapped (<see cref="ClassifiedRow{TSource, TTarget}"/>): the classified
    /// rows are fenced in a sub-query, so the server evaluates the rules once per row, and each target member is
    /// <c>CASE WHEN rule IS NULL THEN member END</c>, so a map never runs on a row a rule rejects (a rule may guard a cast
    /// or a division the map makes).
    /// </summary>
    public Expression? ClassifiedMapped { get; }

    public IReadOnlyList<TransformRule<TSource>> Rules => Definition.Rules;

    /// <summary>
    /// Checks and composes <paramref name="definition"/>; <paramref name="rowFilter"/> (the framework's, e.g. an incremental
    /// run's key filter, exempt from the policy) then narrows its rows.
    /// </summary>
    public static ComposedTransform<TSource, TTarget> Compose(string name, TransformDefinition<TSource, TTarget> definition, Expression<Func<TSource, bool>>? rowFilter = null)
    {
        if (definition.Map.Body is not MemberInitExpression { NewExpression.Arguments.Count: 0 } init
            || init.Bindings.Any(b => b is not MemberAssignment))
        {
            throw new TransformBuildException(
                $"Transform {name}: the map must be an object initializer, row => new {typeof(TTarget).Name} {{ Member = ..., ... }}, " +
                "so each target member is one column the framework can check and insert.");
        }

        var bindings = init.Bindings.Cast<MemberAssignment>().ToList();
        TransformPolicy.Check(definition.Rows.Expression, name, "the source query");
        foreach (var rule in definition.Rules)
        {
            TransformPolicy.Check(rule.Passes, name, $"rule '{rule.Name}'");
        }

        foreach (var binding in bindings)
        {
            TransformPolicy.Check(binding.Expression, name, $"member {typeof(TTarget).Name}.{binding.Member.Name}");
        }

        if (rowFilter is not null)
        {
            var narrowed = definition.Rows.Provider.CreateQuery<TSource>(KeyFilterPushdown.Apply(definition.Rows.Expression, rowFilter));
            definition = TransformDefinitions.With(definition, narrowed.Where(rowFilter), definition.Map);
        }

        return new ComposedTransform<TSource, TTarget>(name, definition, bindings, KeyMembersOf(name, definition.Key));
    }

    /// <summary>The quarantine key text of a row: the key members' values joined by <c>|</c>, NULLs skipped (SQL <c>concat_ws</c>).</summary>
    public string KeyOf(TSource row) =>
        string.Join("|", KeyMembers.Select(m => Format(m is PropertyInfo p ? p.GetValue(row) : ((FieldInfo)m).GetValue(row))).OfType<string>());

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private Expression Classifier(ParameterExpression row)
    {
        Expression result = Expression.Constant(null, typeof(string));
        foreach (var rule in Definition.Rules.Reverse())
        {
            var passes = ReplacingExpressionVisitor.Replace(rule.Passes.Parameters[0], row, rule.Passes.Body);
            result = Expression.Condition(Expression.Not(passes), Expression.Constant(rule.Name, typeof(string)), result, typeof(string));
        }

        return result;
    }

    private Expression MapClassified(Expression classified, ParameterExpression mapRow)
    {
        var probe = Expression.Parameter(typeof(FencedProbe<TSource>), "p");
        var rule = Expression.Property(probe, typeof(QuarantineProbe<TSource>).GetProperty(nameof(QuarantineProbe<TSource>.DpRule))!);
        var row = Expression.Property(probe, typeof(QuarantineProbe<TSource>).GetProperty(nameof(QuarantineProbe<TSource>.Row))!);
        var passes = Expression.Equal(rule, Expression.Constant(null, typeof(string)));
        var target = Expression.MemberInit(
            Expression.New(typeof(TTarget)),
            Bindings.Select(b => Expression.Bind(b.Member, WhenPassing(passes, ReplacingExpressionVisitor.Replace(mapRow, row, b.Expression)))));
        var result = Expression.MemberInit(
            Expression.New(typeof(ClassifiedRow<TSource, TTarget>)),
            Expression.Bind(typeof(ClassifiedRow<TSource, TTarget>).GetProperty(nameof(ClassifiedRow<TSource, TTarget>.DpRule))!, rule),
            Expression.Bind(typeof(ClassifiedRow<TSource, TTarget>).GetProperty(nameof(ClassifiedRow<TSource, TTarget>.Row))!, row),
            Expression.Bind(typeof(ClassifiedRow<TSource, TTarget>).GetProperty(nameof(ClassifiedRow<TSource, TTarget>.Target))!, target));

        // The cast keeps the classifying Select where it is (see FencedProbe); the first Skip lands on its SELECT, the second
        // pushes that SELECT into a sub-query whose OFFSET also keeps PostgreSQL from flattening it into the mapping one.
        var fenced = Expression.Call(QueryableMethods.Cast.MakeGenericMethod(typeof(FencedProbe<TSource>)), classified);
        for (var i = 0; i < 2; i++)
        {
            fenced = Expression.Call(QueryableMethods.Skip.MakeGenericMethod(typeof(FencedProbe<TSource>)), fenced, Expression.Constant(0));
        }

        return Expression.Call(
            QueryableMethods.Select.MakeGenericMethod(typeof(FencedProbe<TSource>), typeof(ClassifiedRow<TSource, TTarget>)),
            fenced,
            Expression.Quote(Expression.Lambda<Func<FencedProbe<TSource>, ClassifiedRow<TSource, TTarget>>>(result, probe)));
    }

    /// <summary>
    /// <c>passes ? value : null</c>, typed like <paramref name="value"/>: a value type goes through its nullable type and
    /// back (conversions EF Core leaves out of the SQL), so a failing row gets NULL rather than a default literal.
    /// </summary>
    private static Expression WhenPassing(Expression passes, Expression value)
    {
        if (!value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null)
        {
            return Expression.Condition(passes, value, Expression.Constant(null, value.Type));
        }

        var nullable = typeof(Nullable<>).MakeGenericType(value.Type);
        return Expression.Convert(Expression.Condition(passes, Expression.Convert(value, nullable), Expression.Constant(null, nullable)), value.Type);
    }

    internal static List<MemberInfo> KeyMembersOf(string name, LambdaExpression? key)
    {
        if (key is null)
        {
            return [];
        }

        var body = key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : key.Body;
        var members = body switch
        {
            MemberExpression member => [member],
            NewExpression created => created.Arguments.Select(a => a as MemberExpression).ToList(),
            _ => [null],
        };

        if (members.Any(m => m is null || m.Expression != key.Parameters[0]))
        {
            throw new TransformBuildException($"Transform {name}: KeyedBy must name members of the row, e.g. f => f.FilmId or f => new {{ f.ActorId, f.FilmId }}.");
        }

        return members.Select(m => m!.Member).ToList();
    }
}
