namespace DataPlatform.Framework.Loading;

/// <summary>
/// The input of one load, synchronous or asynchronous. <see cref="Replayable"/> says whether it can be enumerated again
/// (a collection or a factory), which a retry or a key look-up after a server error needs.
/// </summary>
internal sealed class RowSource<T>
{
    private RowSource(Func<IEnumerable<T>>? sync, Func<IAsyncEnumerable<T>>? async, bool replayable)
    {
        Sync = sync;
        Async = async;
        Replayable = replayable;
    }

    public Func<IEnumerable<T>>? Sync { get; }

    public Func<IAsyncEnumerable<T>>? Async { get; }

    public bool Replayable { get; }

    public static RowSource<T> From(IEnumerable<T> rows) =>
        new(() => rows, null, rows is ICollection<T> or IReadOnlyCollection<T>);

    public static RowSource<T> From(IAsyncEnumerable<T> rows) => new(null, () => rows, replayable: false);

    public static RowSource<T> From(Func<IEnumerable<T>> factory) => new(factory, null, replayable: true);

    public static RowSource<T> From(Func<IAsyncEnumerable<T>> factory) => new(null, factory, replayable: true);

    /// <summary>Finds the row at a 1-based position by enumerating a replayable input again; null when it cannot.</summary>
    public async Task<T?> FindAsync(long position, CancellationToken cancellationToken)
    {
        if (!Replayable || position < 1)
        {
            return default;
        }

        long index = 0;
        if (Sync is not null)
        {
            foreach (var row in Sync())
            {
                if (++index == position)
                {
                    return row;
                }
            }

            return default;
        }

        await foreach (var row in Async!().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++index == position)
            {
                return row;
            }
        }

        return default;
    }
}
