using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Polly;
using Polly.Retry;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// Loads entities of an EF Core model into PostgreSQL with binary COPY. Tables, columns, types and keys come from the
/// model; per-entity row writers are compiled once. The input is streamed (never materialized). One call is one
/// transaction unless <see cref="BulkLoadOptions"/> carries the caller's open connection and transaction. Transient
/// failures are retried with the whole call when the input can be replayed and nothing was committed.
/// </summary>
public sealed class BulkDataLoader
{
    private readonly IModel _model;
    private readonly NpgsqlDataSource? _dataSource;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(Type Type, BulkLoadMode Mode, string? Key, string? Properties), object> _plans = new();

    /// <summary>Creates a loader for the entities of <paramref name="model"/>.</summary>
    /// <param name="model">The EF Core model (e.g. <c>context.Model</c> of a datakit context).</param>
    /// <param name="dataSource">Where connections come from when the options carry none.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    public BulkDataLoader(IModel model, NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataSource);
        _model = model;
        _dataSource = dataSource;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BulkDataLoader>();
    }

    /// <summary>A loader whose calls always bring their connection (<see cref="BulkLoadOptions.Connection"/>), e.g. a DbContext's.</summary>
    internal BulkDataLoader(IModel model, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BulkDataLoader>();
    }

    /// <summary>
    /// Loads a synchronous input. Arrays, lists and other collections can be replayed, so a transient failure is retried;
    /// a lazy sequence is enumerated once (use the factory overload to make it replayable).
    /// </summary>
    public Task<BulkLoadResult> LoadAsync<T>(IEnumerable<T> rows, BulkLoadOptions options, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        return RunAsync(RowSource<T>.From(rows), options, cancellationToken);
    }

    /// <summary>Loads an asynchronous input, enumerated once (a transient failure fails the call; nothing is committed).</summary>
    public Task<BulkLoadResult> LoadAsync<T>(IAsyncEnumerable<T> rows, BulkLoadOptions options, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        return RunAsync(RowSource<T>.From(rows), options, cancellationToken);
    }

    /// <summary>Loads the input a factory produces; the factory is called again for a retry, so transient failures are retried.</summary>
    public Task<BulkLoadResult> LoadAsync<T>(Func<IEnumerable<T>> rowsFactory, BulkLoadOptions options, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rowsFactory);
        return RunAsync(RowSource<T>.From(rowsFactory), options, cancellationToken);
    }

    /// <summary>Loads the asynchronous input a factory produces; the factory is called again for a retry.</summary>
    public Task<BulkLoadResult> LoadAsync<T>(Func<IAsyncEnumerable<T>> rowsFactory, BulkLoadOptions options, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rowsFactory);
        return RunAsync(RowSource<T>.From(rowsFactory), options, cancellationToken);
    }

    /// <summary>
    /// Runs several loads concurrently, at most <paramref name="maxDegreeOfParallelism"/> at a time, each on its own
    /// connection and transaction. Results come back in job order. The first failure cancels the loads not yet finished;
    /// loads that already committed stay committed.
    /// </summary>
    public async Task<IReadOnlyList<BulkLoadResult>> LoadManyAsync(
        IEnumerable<BulkLoadJob> jobs, int maxDegreeOfParallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var list = jobs.ToList();
        if (list.Any(j => j.Options.Connection is not null))
        {
            throw new ArgumentException("Parallel load jobs cannot share a caller's connection; leave BulkLoadOptions.Connection empty.", nameof(jobs));
        }

        var results = new BulkLoadResult[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await list[index].RunAsync(this, token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private async Task<BulkLoadResult> RunAsync<T>(RowSource<T> source, BulkLoadOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Transaction is not null && options.Connection is null)
        {
            throw new ArgumentException("BulkLoadOptions.Transaction needs BulkLoadOptions.Connection as well.", nameof(options));
        }

        var plan = GetPlan<T>(options);
        var clock = Stopwatch.StartNew();
        LoaderLog.Starting(_logger, plan.Map.DisplayName, options.Mode, options.BatchId);

        var attempts = 0;
        var commitStarted = false;
        var canRetry = source.Replayable && options.Connection is null;
        async ValueTask<LoadCounts> Attempt(CancellationToken token)
        {
            attempts++;
            commitStarted = false;
            return await AttemptAsync(plan, source, options, clock, () => commitStarted = true, token).ConfigureAwait(false);
        }

        LoadCounts counts;
        try
        {
            if (canRetry && options.MaxRetryAttempts > 0)
            {
                var pipeline = new ResiliencePipelineBuilder<LoadCounts>()
                    .AddRetry(new RetryStrategyOptions<LoadCounts>
                    {
                        ShouldHandle = args => ValueTask.FromResult(
                            args.Outcome.Exception is { } e && !commitStarted && TransientErrors.IsTransient(e)),
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        OnRetry = args =>
                        {
                            LoaderLog.Retrying(_logger, args.Outcome.Exception!, plan.Map.DisplayName, args.AttemptNumber + 1);
                            return ValueTask.CompletedTask;
                        },
                    })
                    .Build();
                counts = await pipeline.ExecuteAsync(Attempt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                counts = await Attempt(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (TransientErrors.IsTransient(exception))
        {
            var reason = commitStarted
                ? "The connection failed during COMMIT, so whether the load committed is unknown; check the table before loading again."
                : canRetry
                    ? $"A transient error ({exception.Message}) persisted over {attempts} attempts; nothing was committed."
                    : $"A transient error ({exception.Message}) hit a load that cannot be retried safely (the input is enumerated once, or the caller owns the connection); nothing of it was committed.";
            throw new BulkLoadException(plan.Map.DisplayName, null, null, null, options.BatchId, reason, exception);
        }

        var result = new BulkLoadResult
        {
            Table = plan.Map.DisplayName,
            Mode = options.Mode,
            RowsRead = counts.RowsRead,
            RowsInserted = counts.RowsInserted,
            RowsUpdated = counts.RowsUpdated,
            RowsDeactivated = counts.RowsDeactivated,
            RowsDeleted = counts.RowsDeleted,
            Attempts = attempts,
            Elapsed = clock.Elapsed,
        };
        LoaderLog.Loaded(_logger, result.Table, result.Mode, result.RowsRead, result.RowsInserted, result.RowsUpdated, result.RowsDeactivated, result.RowsDeleted, result.Elapsed.TotalSeconds);
        return result;
    }

    private async Task<LoadCounts> AttemptAsync<T>(
        EntityLoadPlan<T> plan, RowSource<T> source, BulkLoadOptions options, Stopwatch clock, Action onCommit, CancellationToken cancellationToken)
    {
        var attempt = new LoadAttempt<T>(plan, source, options, _logger, clock);
        if (options.Transaction is { } callerTransaction)
        {
            return await attempt.RunAsync(options.Connection!, callerTransaction, cancellationToken).ConfigureAwait(false);
        }

        var ownsConnection = options.Connection is null;
        var connection = options.Connection
            ?? await (_dataSource ?? throw new InvalidOperationException("This loader has no data source: pass BulkLoadOptions.Connection."))
                .OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var counts = await attempt.RunAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                onCommit();
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return counts;
            }
        }
        finally
        {
            if (ownsConnection)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private EntityLoadPlan<T> GetPlan<T>(BulkLoadOptions options)
    {
        // Sync leaves inactivated_date out of COPY and Upsert/Sync need a key; the plan depends on mode, key and columns only.
        var key = options.KeyProperties is null ? null : string.Join(",", options.KeyProperties);
        var properties = options.Properties is null ? null : string.Join(",", options.Properties);
        return (EntityLoadPlan<T>)_plans.GetOrAdd(
            (typeof(T), options.Mode, key, properties),
            static (k, state) => new EntityLoadPlan<T>(EntityTableMap.Create(state.Model, k.Type, k.Mode, state.Keys, state.Properties)),
            (Model: _model, Keys: options.KeyProperties, options.Properties));
    }
}
