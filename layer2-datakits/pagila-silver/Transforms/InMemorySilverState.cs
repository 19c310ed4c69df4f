using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze rows and the silver state held in memory, for unit tests and the differential test: <see cref="Run"/> applies the
/// same transforms as <see cref="PagilaSilverTransforms.RunAsync"/> in the same order, merging each table's output into the
/// in-memory silver state (upsert by key) before its children run.
/// </summary>
internal sealed class InMemorySilverState
{
    private readonly Dictionary<Type, object> _silver = [];
    private readonly List<SilverQuarantineDecision> _quarantined = [];

    public InMemorySources Sources { get; } = new();

    /// <summary>Every quarantine decision of every run, in order.</summary>
    public IReadOnlyList<SilverQuarantineDecision> Quarantined => _quarantined;

    public InMemorySilverState AddBronze<T>(IEnumerable<T> rows)
        where T : class
    {
        Sources.Add(rows);
        return this;
    }

    /// <summary>The current silver rows of entity <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Silver<T>()
        where T : class =>
        Sources.Set<T>().ToList();

    /// <summary>Runs every silver table in dependency order.</summary>
    public IReadOnlyList<PagilaSilverTableResult> Run(TransformContext context) =>
        SilverSteps.All.Select(step => step.RunInMemory(this, context)).ToList();

    internal void Merge<T>(IEnumerable<T> rows, Func<T, string> key)
        where T : class
    {
        if (!_silver.TryGetValue(typeof(T), out var existing))
        {
            existing = new Dictionary<string, T>(StringComparer.Ordinal);
            _silver[typeof(T)] = existing;
        }

        var byKey = (Dictionary<string, T>)existing;
        foreach (var row in rows)
        {
            byKey[key(row)] = row;
        }

        Sources.Add(byKey.Values);
    }

    internal void Quarantine(string transform, IEnumerable<(string Key, string Rule)> rows) =>
        _quarantined.AddRange(rows.Select(r => new SilverQuarantineDecision(transform, r.Key, r.Rule)));
}
