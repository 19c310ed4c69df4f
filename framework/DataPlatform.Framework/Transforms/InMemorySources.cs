
namespace DataPlatform.Framework.Transforms;

/// <summary>
/// Binds a transform's source sets to in-memory lists for fast unit tests (no database). A set that was never added is empty.
/// </summary>
/// <example><code>var sources = new InMemorySources().Add(films).Add(languages);</code></example>
public sealed class InMemorySources : ITransformSources
{
    private readonly Dictionary<Type, object> _sets = [];

    /// <summary>Adds (or replaces) the rows of entity <typeparamref name="T"/>.</summary>
    public InMemorySources Add<T>(IEnumerable<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        _sets[typeof(T)] = rows.ToList();
        return this;
    }

    /// <inheritdoc />
    public IQueryable<T> Set<T>()
        where T : class =>
        (_sets.TryGetValue(typeof(T), out var rows) ? (List<T>)rows : []).AsQueryable();
}
