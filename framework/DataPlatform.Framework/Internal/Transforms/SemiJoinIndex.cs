using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The rows of one in-memory source grouped by the values a nested <c>set.Any(p =&gt; p.Key == outer.Key ...)</c> compares,
/// built on first use and then probed once per outer row instead of scanning the source.
/// </summary>
internal sealed class SemiJoinIndex<T>(IEnumerable<T> rows, Func<T, SemiJoinKey> key)
{
    private ILookup<SemiJoinKey, T>? _lookup;

    public IEnumerable<T> Matches(SemiJoinKey probe) => (_lookup ??= rows.ToLookup(key))[probe];
}
