using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// The rows of a transform layer held in memory, for unit and differential tests: the input rows of the layers below,
/// the layer's own tables (merged by key after each step, so later steps read them) and every quarantine decision.
/// Run a layer over it with <see cref="TransformLayer.RunInMemory"/>.
/// </summary>
public sealed class InMemoryLayerState
{
    private readonly Dictionary<Type, object> _tables = [];
    private readonly List<InMemoryQuarantineDecision> _quarantined = [];
    private readonly Dictionary<string, List<InMemoryQuarantineDecision>> _latest = new(StringComparer.Ordinal);

    /// <summary>The sets the transforms read: input rows plus the layer's current rows.</summary>
    public InMemorySources Sources { get; } = new();

    /// <summary>Every quarantine decision of every run, in order.</summary>
    public IReadOnlyList<InMemoryQuarantineDecision> Quarantined => _quarantined;

    /// <summary>
    /// The decisions of each transform's latest run: the rows still in quarantine, as the open entries of
    /// <c>dataplatform.quarantine</c> are on the server (one per row and rule, resolved once the row passes).
    /// </summary>
    public IReadOnlyList<InMemoryQuarantineDecision> StillQuarantined => [.. _latest.Values.SelectMany(d => d)];

    /// <summary>Adds (or replaces) the input rows of entity <typeparamref name="T"/> (a layer below).</summary>
    public InMemoryLayerState Add<T>(IEnumerable<T> rows)
        where T : class
    {
        Sources.Add(rows);
        return this;
    }

    /// <summary>The current rows of the layer's entity <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Rows<T>()
        where T : class =>
        _tables.TryGetValue(typeof(T), out var table) ? [.. ((Dictionary<string, T>)table).Values] : [];

    internal void Merge<T>(IEnumerable<T> rows, Func<T, string> key)
        where T : class
    {
        var table = Table<T>();
        foreach (var row in rows)
        {
            table[key(row)] = row;
        }

        Sources.Add(table.Values);
    }

    internal long RemoveMissing<T>(IEnumerable<T> produced, Func<T, string> key)
        where T : class
    {
        var keep = produced.Select(key).ToHashSet(StringComparer.Ordinal);
        var table = Table<T>();
        var gone = table.Keys.Where(k => !keep.Contains(k)).ToList();
        foreach (var k in gone)
        {
            table.Remove(k);
        }

        Sources.Add(table.Values);
        return gone.Count;
    }

    internal void Replace<T>(IEnumerable<T> rows, Func<T, string> key)
        where T : class
    {
        Table<T>().Clear();
        Merge(rows, key);
    }

    internal void Quarantine(string transform, IEnumerable<(string Key, string Rule)> rows)
    {
        var decisions = rows.Select(r => new InMemoryQuarantineDecision(transform, r.Key, r.Rule)).ToList();
        _quarantined.AddRange(decisions);
        _latest[transform] = decisions;
    }

    private Dictionary<string, T> Table<T>()
        where T : class
    {
        if (!_tables.TryGetValue(typeof(T), out var table))
        {
            table = new Dictionary<string, T>(StringComparer.Ordinal);
            _tables[typeof(T)] = table;
        }

        return (Dictionary<string, T>)table;
    }
}
