using System.Collections;
using System.Linq.Expressions;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Options of one in-server transform run.</summary>
internal sealed class TransformRunOptions
{
    /// <summary>Insert or upsert (the default).</summary>
    public TransformMode Mode { get; init; } = TransformMode.Upsert;

    /// <summary>The target properties an upsert matches on; null for the model's key (see <see cref="TransformMode.Upsert"/>).</summary>
    public IReadOnlyList<string>? KeyProperties { get; init; }

    /// <summary>
    /// Upsert only: also delete the target rows whose key the transform no longer produces (the target mirrors the rows
    /// that pass the rules: a fact whose source row is gone, or that now fails a rule, leaves the table). Runs in the same
    /// statement as the upsert; <see cref="TransformResult.RowsDeleted"/> counts them.
    /// </summary>
    public bool RemoveMissing { get; init; }

    /// <summary>
    /// An incremental run (see <see cref="Pipelines.IncrementalPlanner"/>): the input rows narrowed to the target keys
    /// <see cref="Keys"/> (a predicate over the input row), and <see cref="RemoveMissing"/> limited to those keys.
    /// </summary>
    public LambdaExpression? RowFilter { get; init; }

    /// <summary>The target keys of an incremental run (a list of the key's CLR type), or null for a full run.</summary>
    public IList? Keys { get; init; }
}
