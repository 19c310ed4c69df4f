namespace DataPlatform.Framework.Loading;

/// <summary>One table's load for <see cref="BulkDataLoader.LoadManyAsync"/>.</summary>
public sealed class BulkLoadJob
{
    private readonly Func<BulkDataLoader, CancellationToken, Task<BulkLoadResult>> _run;

    private BulkLoadJob(BulkLoadOptions options, Func<BulkDataLoader, CancellationToken, Task<BulkLoadResult>> run)
    {
        Options = options;
        _run = run;
    }

    /// <summary>The options of this load.</summary>
    public BulkLoadOptions Options { get; }

    /// <summary>A job loading a synchronous input.</summary>
    public static BulkLoadJob Create<T>(IEnumerable<T> rows, BulkLoadOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BulkLoadJob(options, (loader, ct) => loader.LoadAsync(rows, options, ct));
    }

    /// <summary>A job loading an asynchronous input.</summary>
    public static BulkLoadJob Create<T>(IAsyncEnumerable<T> rows, BulkLoadOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BulkLoadJob(options, (loader, ct) => loader.LoadAsync(rows, options, ct));
    }

    /// <summary>A job loading the input of a factory (replayable, so transient failures are retried).</summary>
    public static BulkLoadJob Create<T>(Func<IEnumerable<T>> rowsFactory, BulkLoadOptions options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BulkLoadJob(options, (loader, ct) => loader.LoadAsync(rowsFactory, options, ct));
    }

    internal Task<BulkLoadResult> RunAsync(BulkDataLoader loader, CancellationToken cancellationToken) => _run(loader, cancellationToken);
}
