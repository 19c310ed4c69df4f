
namespace DataPlatform.Framework.Transforms;

/// <summary>What a transform produced in memory: the target rows and the quarantined source rows.</summary>
/// <typeparam name="TSource">The input row type.</typeparam>
/// <typeparam name="TTarget">The target entity type.</typeparam>
public sealed class InMemoryTransformResult<TSource, TTarget>
{
    internal InMemoryTransformResult(long rowsRead, IReadOnlyList<TTarget> rows, IReadOnlyList<QuarantinedRow<TSource>> quarantined)
    {
        RowsRead = rowsRead;
        Rows = rows;
        Quarantined = quarantined;
    }

    /// <summary>How many input rows the transform read.</summary>
    public long RowsRead { get; }

    /// <summary>The rows that passed every rule, mapped to the target entity.</summary>
    public IReadOnlyList<TTarget> Rows { get; }

    /// <summary>The rows that failed a rule, with the first failing rule.</summary>
    public IReadOnlyList<QuarantinedRow<TSource>> Quarantined { get; }
}
