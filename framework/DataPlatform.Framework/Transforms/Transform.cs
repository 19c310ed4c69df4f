
namespace DataPlatform.Framework.Transforms;

/// <summary>
/// A typed transform: rows of the layer below (<typeparamref name="TSource"/>, read through <see cref="ITransformSources"/>)
/// checked by named rules and mapped to entities of this layer (<typeparamref name="TTarget"/>). The same definition runs in
/// the server as one set-based statement (a step of a <see cref="Pipelines.TransformLayer"/>) and in memory
/// (<see cref="TransformRunner.RunInMemory{TSource, TTarget}"/>). See <c>Transforms/README.md</c> for a complete example.
/// </summary>
/// <typeparam name="TSource">The input row: an entity of the source context or a class projected from several.</typeparam>
/// <typeparam name="TTarget">The output row: an entity of the target context.</typeparam>
public abstract class Transform<TSource, TTarget>
    where TSource : class
    where TTarget : class
{
    /// <summary>The name used in logs, errors and the quarantine table; the class name by default.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>
    /// Defines the transform: <c>From(rows).Rule(...).KeyedBy(...).Select(row =&gt; new TTarget { ... })</c>. Keep it a pure
    /// expression: read rows only through <paramref name="sources"/> and time and batch only from <paramref name="context"/>.
    /// </summary>
    public abstract TransformDefinition<TSource, TTarget> Define(ITransformSources sources, TransformContext context);

    /// <summary>Starts a definition from the input rows.</summary>
    protected static TransformSpec<TSource> From(IQueryable<TSource> rows) => new(rows, [], null);
}
