using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Extraction.Internal;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Pipelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DataPlatform.Framework.Extraction;

/// <summary>
/// The bronze layer of a datakit: which bronze entities of <typeparamref name="TContext"/> are extracted, each with its
/// <see cref="ExtractionPolicy"/>. Immutable; every method returns a new declaration:
/// <code>
/// new BronzeLayer&lt;PagilaBronzeContext&gt;()
///     .Table&lt;Customer&gt;(ExtractionPolicy.Cursor("last_update", TimeSpan.FromMinutes(5)))
///     .Table&lt;Payment&gt;(ExtractionPolicy.HighWater("payment_id", 1_000));
/// </code>
/// Each table is read from the table of the same name in the datakit's source schema
/// (<see cref="DatakitAttribute.SourceSchema"/>), selecting exactly the entity's non-metadata columns, by binary
/// <c>COPY</c>; rows are forwarded without decoding, stamped with the batch, the operation and the record hash. Tables run
/// in parallel (<see cref="MaxDegreeOfParallelism"/>), each in its own warehouse transaction with its ledger row.
/// </summary>
/// <typeparam name="TContext">The bronze datakit context; its entities derive from <see cref="BronzeRecord"/> and declare <c>HasBronzeSourceKey</c>.</typeparam>
public sealed class BronzeLayer<TContext> : PipelineLayer
    where TContext : DatakitDbContext
{
    private static readonly Lazy<IModel> s_model = new(CreateModel);

    private readonly IReadOnlyList<(Type Entity, ExtractionPolicy Policy)> _tables;
    private readonly IReadOnlySet<string>? _only;

    // Derived once per declaration, not per run: reading the EF model is slow the first times a process does it.
    private readonly Lazy<IReadOnlyList<BronzeTablePlan>> _plans;

    /// <summary>Declares a bronze layer with no tables yet.</summary>
    public BronzeLayer()
        : this([], null, 2, null)
    {
    }

    private BronzeLayer(
        IReadOnlyList<(Type Entity, ExtractionPolicy Policy)> tables, IReadOnlySet<string>? only, int maxDegreeOfParallelism, Lazy<IReadOnlyList<BronzeTablePlan>>? plans)
        : base("bronze")
    {
        _tables = tables;
        _only = only;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        _plans = plans ?? new Lazy<IReadOnlyList<BronzeTablePlan>>(() => CreatePlans(tables));
    }

    /// <summary>How many tables are extracted at once. Default 2.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>The bronze model the tables are derived from.</summary>
    public static IModel Model => s_model.Value;

    /// <inheritdoc />
    public override IReadOnlyList<Type> ContextTypes { get; } = [typeof(TContext)];

    /// <summary>The declared tables (bronze table names without schema) with their policies, in declaration order.</summary>
    public IReadOnlyList<(string Table, ExtractionPolicy Policy)> Tables =>
        [.. Selected().Select(t => (Model.FindEntityType(t.Entity)!.GetTableName()!, t.Policy))];

    /// <summary>Adds a table: the bronze entity <typeparamref name="TEntity"/> extracted with <paramref name="policy"/>.</summary>
    /// <exception cref="InvalidOperationException">The entity is not in <typeparamref name="TContext"/>'s model, or it is already declared.</exception>
    public BronzeLayer<TContext> Table<TEntity>(ExtractionPolicy policy)
        where TEntity : class, IBronzeRecord
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Model.FindEntityType(typeof(TEntity)) is null)
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity of {typeof(TContext).Name}.");
        }

        if (_tables.Any(t => t.Entity == typeof(TEntity)))
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} is already declared.");
        }

        return new BronzeLayer<TContext>([.. _tables, (typeof(TEntity), policy)], _only, MaxDegreeOfParallelism, null);
    }

    /// <summary>Extracts at most <paramref name="maxDegreeOfParallelism"/> tables at once.</summary>
    public BronzeLayer<TContext> WithParallelism(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        return new BronzeLayer<TContext>(_tables, _only, maxDegreeOfParallelism, _plans);
    }

    /// <summary>The same layer restricted to some of its tables (bronze table names without schema).</summary>
    /// <exception cref="ArgumentException">A name is not a declared table.</exception>
    public BronzeLayer<TContext> Only(params IReadOnlyList<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var declared = _tables.Select(t => Model.FindEntityType(t.Entity)!.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var unknown = tables.Where(t => !declared.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown bronze table(s): {string.Join(", ", unknown)}.", nameof(tables));
        }

        return new BronzeLayer<TContext>(_tables, tables.ToHashSet(StringComparer.Ordinal), MaxDegreeOfParallelism, _plans);
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ExtractCoreAsync(run.Source, run.Warehouse, run.Ledger, run.BatchId, run.FullRefresh, run.Progress, run.LoggerFactory, run.EnsureExclusiveAsync, cancellationToken);
    }

    /// <summary>
    /// Extracts every declared table into bronze for the running ledger batch <paramref name="batchId"/> (the caller starts
    /// and completes the batch); returns one result per table, in declaration order.
    /// </summary>
    /// <param name="source">The source database.</param>
    /// <param name="warehouse">The warehouse database with the deployed bronze schema and the ledger.</param>
    /// <param name="ledger">The ledger; each table's row is recorded in the transaction that appended its rows.</param>
    /// <param name="batchId">The running batch; a table already extracted by this or a later batch is refused.</param>
    /// <param name="fullRefresh">Read every source row regardless of cursors; rows equal to their latest bronze version are still skipped.</param>
    /// <param name="progress">Optional table events.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    /// <param name="cancellationToken">Cancels the extraction; tables not yet committed roll back.</param>
    public async Task<IReadOnlyList<TableResult>> ExtractAsync(
        NpgsqlDataSource source,
        NpgsqlDataSource warehouse,
        BatchLedger ledger,
        long batchId,
        bool fullRefresh,
        IPipelineProgress? progress,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken) =>
        await ExtractCoreAsync(source, warehouse, ledger, batchId, fullRefresh, progress, loggerFactory, beforeCommit: null, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<TableResult>> ExtractCoreAsync(
        NpgsqlDataSource source,
        NpgsqlDataSource warehouse,
        BatchLedger ledger,
        long batchId,
        bool fullRefresh,
        IPipelineProgress? progress,
        ILoggerFactory? loggerFactory,
        Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(ledger);
        var plans = _only is null ? _plans.Value : [.. _plans.Value.Where(p => _only.Contains(p.Table))];
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BronzeLayer<TContext>>();
        return await ExtractionEngine.RunAsync(plans, source, warehouse, ledger, batchId, fullRefresh, MaxDegreeOfParallelism, progress, logger, beforeCommit, cancellationToken)
            .ConfigureAwait(false);
    }

    private IEnumerable<(Type Entity, ExtractionPolicy Policy)> Selected() =>
        _only is null ? _tables : _tables.Where(t => _only.Contains(Model.FindEntityType(t.Entity)!.GetTableName()!));

    private static List<BronzeTablePlan> CreatePlans(IReadOnlyList<(Type Entity, ExtractionPolicy Policy)> tables)
    {
        var sourceSchema = DatakitDbContext.FindDatakit(typeof(TContext)).SourceSchema
            ?? throw new InvalidOperationException($"The datakit of {typeof(TContext).Name} declares no SourceSchema.");
        return [.. tables.Select(t => BronzeTablePlan.Create(Model.FindEntityType(t.Entity)!, sourceSchema, t.Policy))];
    }

    private static IModel CreateModel()
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql().Options;
        using var context = (TContext)Activator.CreateInstance(typeof(TContext), options)!;
        return context.Model;
    }
}
