using System.Linq.Expressions;
using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Transforms;

/// <summary>The input rows, rules and quarantine key of a transform being defined; <see cref="Select{TTarget}"/> completes it.</summary>
/// <typeparam name="TSource">The input row type.</typeparam>
public sealed class TransformSpec<TSource>
    where TSource : class
{
    internal TransformSpec(IQueryable<TSource> rows, IReadOnlyList<TransformRule<TSource>> rules, LambdaExpression? key)
    {
        Rows = rows;
        Rules = rules;
        Key = key;
    }

    internal IQueryable<TSource> Rows { get; }

    internal IReadOnlyList<TransformRule<TSource>> Rules { get; }

    internal LambdaExpression? Key { get; }

    /// <summary>
    /// Adds a hard rule: a row passes when <paramref name="passes"/> is true; the first rule a row fails (in declaration
    /// order) sends it to quarantine. Write rules as you would in C#: the framework negates them on the expression, so EF
    /// Core's null semantics hold and every row lands in exactly one place.
    /// </summary>
    /// <param name="name">The rule name (letters, digits, <c>_</c>), written to the quarantine table.</param>
    /// <param name="passes">The condition a good row satisfies.</param>
    /// <param name="message">An explanation for the quarantine table; defaults to the rule name.</param>
    public TransformSpec<TSource> Rule(string name, Expression<Func<TSource, bool>> passes, string? message = null)
    {
        SqlIdentifier.Validate(name, "Rule name");
        ArgumentNullException.ThrowIfNull(passes);
        if (Rules.Any(r => r.Name == name))
        {
            throw new ArgumentException($"Rule '{name}' is declared twice.", nameof(name));
        }

        return new TransformSpec<TSource>(Rows, [.. Rules, new TransformRule<TSource>(name, passes, message ?? name)], Key);
    }

    /// <summary>
    /// Names the member(s) that identify a source row in the quarantine table: <c>f =&gt; f.FilmId</c> or
    /// <c>fa =&gt; new { fa.ActorId, fa.FilmId }</c>. Use integer or text members. Required when the transform has rules.
    /// </summary>
    public TransformSpec<TSource> KeyedBy<TKey>(Expression<Func<TSource, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new TransformSpec<TSource>(Rows, Rules, key);
    }

    /// <summary>Completes the definition with the mapping to the target entity: an object initializer <c>new TTarget { ... }</c>.</summary>
    public TransformDefinition<TSource, TTarget> Select<TTarget>(Expression<Func<TSource, TTarget>> map)
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(map);
        if (Rules.Count > 0 && Key is null)
        {
            throw new TransformBuildException("A transform with rules needs KeyedBy(...) so quarantined rows can be identified.");
        }

        return new TransformDefinition<TSource, TTarget>(Rows, Rules, Key, map);
    }
}
