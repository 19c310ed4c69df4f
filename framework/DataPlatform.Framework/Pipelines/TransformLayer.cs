using System.Diagnostics;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Internal.Pipelines;
using DataPlatform.Framework.Internal.Telemetry;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// A layer built by typed transforms (silver from bronze, gold from silver), as its datakit declares it: the context it
/// writes, the layers it reads, and ordered steps. The framework runs every step in ONE transaction together with one
/// ledger row per table, refreshes the statistics of what it reads, and derives from the keys what the datakit would
/// otherwise write per table: the latest not-yet-applied bronze row per key and soft deletes (<see cref="Apply{TBronze, TTarget}"/>),
/// removal of rows a transform no longer produces (<see cref="Upsert{TSource, TTarget}"/> with removeMissing,
/// <see cref="RemoveMissing{TSource, TTarget}"/>). The same declaration runs in memory (<see cref="RunInMemory"/>).
/// </summary>
/// <example><code>
/// public static TransformLayer Layer { get; } = TransformLayer.For&lt;ShopSilverContext&gt;("silver")
///     .ReadsFrom&lt;ShopBronzeContext&gt;()
///     .Apply(new CustomerTransform())      // Transform&lt;Bronze.Customer, Silver.Customer&gt;, KeyedBy(b =&gt; b.CustomerId)
///     .Apply(new OrderTransform());
/// </code></example>
public sealed class TransformLayer : PipelineLayer
{
    private readonly Type _targetContext;
    private readonly IReadOnlyList<Type> _readsFrom;
    private readonly Action<ModelBuilder>? _readModelExtra;
    private readonly IReadOnlyList<LayerStep> _steps;
    private readonly Lazy<ReadModel> _readModel;
    private readonly Lazy<ReadModel> _changeModel;
    private readonly Lazy<IReadOnlyDictionary<Type, TargetTable>> _tables;

    private TransformLayer(string name, Type targetContext, IReadOnlyList<Type> readsFrom, Action<ModelBuilder>? readModelExtra, IReadOnlyList<LayerStep> steps)
        : base(name)
    {
        _targetContext = targetContext;
        _readsFrom = readsFrom;
        _readModelExtra = readModelExtra;
        _steps = steps;
        _readModel = new(() => new ReadModel([.. _readsFrom, _targetContext], _readModelExtra));
        _changeModel = new(() => new ReadModel([.. _readsFrom, _targetContext], _readModelExtra, rowVersions: true));
        _tables = new(ResolveTables);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Type> ContextTypes => [_targetContext];

    /// <summary>The tables the layer writes (without schema), in the order of their first step.</summary>
    public IReadOnlyList<string> Tables => TargetTypes.Select(t => _tables.Value[t].Name).ToList();

    private IEnumerable<Type> TargetTypes => _steps.Select(s => s.TargetType).Distinct();

    /// <summary>Starts the declaration of a layer that writes <typeparamref name="TContext"/>.</summary>
    /// <param name="name">The layer name in the ledger and the summary, e.g. <c>silver</c>.</param>
    public static TransformLayer For<TContext>(string name)
        where TContext : DatakitDbContext =>
        new(name, typeof(TContext), [], null, []);

    /// <summary>Adds a layer the transforms read (its tables are mapped into the read model in their own schema).</summary>
    public TransformLayer ReadsFrom<TContext>()
        where TContext : DatakitDbContext =>
        new(Name, _targetContext, [.. _readsFrom, typeof(TContext)], _readModelExtra, _steps);

    /// <summary>
    /// Adds entities only the transforms read, e.g. keyless query entities of the documented SQL escape hatch
    /// (<c>modelBuilder.Entity&lt;CalendarDay&gt;().HasNoKey().ToSqlQuery(sql)</c>).
    /// </summary>
    public TransformLayer WithReadModel(Action<ModelBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _readModelExtra;
        return new(Name, _targetContext, _readsFrom, previous is null ? configure : b => { previous(b); configure(b); }, _steps);
    }

    /// <summary>
    /// Declares the calendar of the layer's <c>dim_date</c>: the transforms read <see cref="Calendar.CalendarDay"/> rows, one
    /// per day from the earliest to the latest date of <paramref name="datesSql"/> (one column of dates or timestamptz,
    /// taken in UTC), e.g. <c>SELECT invoice_date FROM sl__shop.invoice WHERE inactivated_date IS NULL</c>.
    /// </summary>
    public TransformLayer WithCalendar(string datesSql)
    {
        var sql = Calendar.CalendarDay.SqlOver(datesSql);
        return WithReadModel(modelBuilder =>
        {
            var calendar = modelBuilder.Entity<Calendar.CalendarDay>();
            calendar.HasNoKey().ToSqlQuery(sql);
            calendar.Property(e => e.Day).HasColumnName("day");
        });
    }

    /// <summary>
    /// A table applied from bronze: the transform's input (<c>From(sources.Set&lt;TBronze&gt;())</c>) is narrowed to the
    /// latest bronze row per key (its <c>KeyedBy</c> members; the target has properties of the same names) when that row is
    /// an upsert of a batch the target row was not applied from yet; the map gets <c>SourceBatchId</c> and
    /// <c>InactivatedDate = null</c> unless it sets them; then a key whose latest bronze row is a delete is soft-deleted.
    /// </summary>
    public TransformLayer Apply<TBronze, TTarget>(Transform<TBronze, TTarget> transform)
        where TBronze : class, IBronzeRecord
        where TTarget : class, IHasSourceBatch, IReferenceData =>
        With(new ApplyStep<TBronze, TTarget>(Checked(transform)));

    /// <summary>Upserts the transform's rows; with <paramref name="removeMissing"/> also deletes target rows it no longer produces.</summary>
    public TransformLayer Upsert<TSource, TTarget>(Transform<TSource, TTarget> transform, bool removeMissing = false)
        where TSource : class
        where TTarget : class =>
        With(new UpsertStep<TSource, TTarget>(Checked(transform), removeMissing));

    /// <summary>Merges the transform's current state into an SCD type 2 dimension.</summary>
    public TransformLayer Scd2<TSource, TTarget>(Transform<TSource, TTarget> transform, Scd2Options? options = null)
        where TSource : class
        where TTarget : class =>
        With(new Scd2Step<TSource, TTarget>(Checked(transform), options ?? new Scd2Options()));

    /// <summary>Deletes the target rows the transform no longer produces, as a step of its own (after the steps that still reference them).</summary>
    public TransformLayer RemoveMissing<TSource, TTarget>(Transform<TSource, TTarget> transform)
        where TSource : class
        where TTarget : class =>
        With(new RemoveMissingStep<TSource, TTarget>(Checked(transform)));

    /// <inheritdoc />
    public override Task<IReadOnlyList<TableResult>> RunAsync(PipelineLayerRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return RunCoreAsync(run.Warehouse, run.BatchId, run.RunTime, run.Ledger, run.Progress, run.LoggerFactory, run.EnsureExclusiveAsync, cancellationToken);
    }

    /// <summary>
    /// Runs the layer for batch <paramref name="batchId"/> in one transaction on <paramref name="warehouse"/>, recording one
    /// ledger row per table in it when <paramref name="ledger"/> is given. The layer's schemas must be deployed.
    /// </summary>
    public async Task<IReadOnlyList<TableResult>> RunAsync(
        NpgsqlDataSource warehouse,
        long batchId,
        DateTime runTime,
        BatchLedger? ledger = null,
        IPipelineProgress? progress = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default) =>
        await RunCoreAsync(warehouse, batchId, runTime, ledger, progress, loggerFactory, beforeCommit: null, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<TableResult>> RunCoreAsync(
        NpgsqlDataSource warehouse,
        long batchId,
        DateTime runTime,
        BatchLedger? ledger,
        IPipelineProgress? progress,
        ILoggerFactory? loggerFactory,
        Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var connection = await warehouse.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var read = LayerReadContext.Create(_readModel.Value, b => b.UseNpgsql(connection));
            await using (read.ConfigureAwait(false))
            {
                var target = DatakitContexts.Create(_targetContext, b => b.UseNpgsql(connection));
                await using (target.ConfigureAwait(false))
                {
                    var changes = LayerReadContext.Create(_changeModel.Value, b => b.UseNpgsql(connection));
                    await using var changesScope = changes.ConfigureAwait(false);
                    var transaction = await read.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        var execution = new LayerExecution(
                            Name, ledger is not null, read, target, new TransformRunner(loggerFactory), new TransformContext(batchId, runTime), connection, (NpgsqlTransaction)transaction.GetDbTransaction())
                        {
                            Changes = changes,
                        };
                        var results = await RunStepsAsync(execution, ledger, progress, cancellationToken).ConfigureAwait(false);
                        if (beforeCommit is not null)
                        {
                            await beforeCommit(cancellationToken).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        foreach (var result in results)
                        {
                            progress?.TableCompleted(result);
                        }

                        return results;
                    }
                }
            }
        }
    }

    /// <summary>Runs the layer's steps over in-memory rows (unit and differential tests), merging each step's rows into <paramref name="state"/>.</summary>
    public IReadOnlyList<TableResult> RunInMemory(InMemoryLayerState state, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var tables = new TableAccumulator(Name);
        foreach (var step in _steps)
        {
            var table = _tables.Value[step.TargetType];
            var started = Stopwatch.GetTimestamp();
            tables.Add(table, step.RunInMemory(state, table, context), Stopwatch.GetElapsedTime(started));
        }

        return tables.Results;
    }

    private async Task<IReadOnlyList<TableResult>> RunStepsAsync(
        LayerExecution execution, BatchLedger? ledger, IPipelineProgress? progress, CancellationToken cancellationToken)
    {
        // Lower layers were just written: without statistics the planner picks nested loops for the key probes.
        var staleInputs = await StepStatistics.StaleInputsAsync(execution, ReadTables(execution.Read.Model), cancellationToken).ConfigureAwait(false);
        if (staleInputs.Count > 0)
        {
            progress?.Phase($"{Name}: refreshing statistics of {staleInputs.Count} tables of {string.Join(", ", _readsFrom.Select(t => DatakitDbContext.FindDatakit(t).Schema))}");
            await AnalyzeAsync(execution, staleInputs, cancellationToken).ConfigureAwait(false);
        }

        var tables = new TableAccumulator(Name);
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            var table = _tables.Value[step.TargetType];
            if (!tables.Contains(table))
            {
                progress?.TableStarted(Name, table.Name);
            }

            var started = Stopwatch.GetTimestamp();
            var unsafeInputs = _steps.Skip(i + 1).Concat(_steps.Where(s => s.DeletesRows)).Select(s => s.TargetType).ToHashSet();
            var outcome = await RunStepAsync(step, table, execution with { UnsafeInputs = unsafeInputs }, cancellationToken).ConfigureAwait(false);
            tables.Add(table, outcome, Stopwatch.GetElapsedTime(started));
            if (await StepStatistics.StaleAsync(execution, table.QualifiedName, outcome, cancellationToken).ConfigureAwait(false))
            {
                await AnalyzeAsync(execution, [table.QualifiedName], cancellationToken).ConfigureAwait(false);
            }
        }

        if (tables.Quarantined > 0)
        {
            tables.SetRules(await QuarantineCounts.ByRuleAsync(
                execution.Connection, execution.Transaction, execution.Context.BatchId, tables.Names, cancellationToken).ConfigureAwait(false));
        }

        if (ledger is not null)
        {
            foreach (var (result, entry) in tables.Entries)
            {
                RowAccounting.Require(execution.Context.BatchId, entry.TableName, entry.RowsRead, entry.RowsWritten, entry.RowsQuarantined);
                await ledger.RecordTableAsync(execution.Context.BatchId, entry, execution.Connection, execution.Transaction, cancellationToken).ConfigureAwait(false);
            }
        }

        return tables.Results;
    }

    private async Task<StepOutcome> RunStepAsync(LayerStep step, TargetTable table, LayerExecution execution, CancellationToken cancellationToken)
    {
        using var activity = PipelineTelemetry.StartTable(Name, table.Name);
        try
        {
            return await step.RunAsync(execution, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            PipelineTelemetry.Fail(activity, exception);
            throw;
        }
    }

    private IReadOnlyList<string> ReadTables(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        var schemas = _readsFrom.Select(t => DatakitDbContext.FindDatakit(t).Schema).ToHashSet(StringComparer.Ordinal);
        return model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetSchema() is { } schema && schemas.Contains(schema))
            .Select(e => SqlIdentifier.Quote(e.GetSchema()!, e.GetTableName()!))
            .Distinct()
            .ToList();
    }

    private static async Task AnalyzeAsync(LayerExecution execution, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        if (tables.Count == 0)
        {
            return;
        }

        var command = new NpgsqlCommand("ANALYZE " + string.Join(", ", tables), execution.Connection, execution.Transaction);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Dictionary<Type, TargetTable> ResolveTables()
    {
        using var model = DatakitContexts.ForModel(_targetContext);
        return TargetTypes.ToDictionary(t => t, t => TargetTable.For(model, t));
    }

    private TransformLayer With(LayerStep step) => new(Name, _targetContext, _readsFrom, _readModelExtra, [.. _steps, step]);

    private static T Checked<T>(T transform)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(transform);
        return transform;
    }

    /// <summary>Per-table sums of the steps' outcomes, in the order of each table's first step.</summary>
    private sealed class TableAccumulator(string layer)
    {
        private readonly List<(TargetTable Table, StepOutcome Outcome, TimeSpan Elapsed, DateTime StartedAt)> _tables = [];
        private Dictionary<string, Dictionary<string, long>> _rules = new(StringComparer.Ordinal);

        public bool Contains(TargetTable table) => _tables.Any(t => t.Table == table);

        /// <summary>The tables as the quarantine names them (<c>schema.table</c>).</summary>
        public IReadOnlyList<string> Names => _tables.Select(t => t.Table.DisplayName).ToList();

        public long Quarantined => _tables.Sum(t => t.Outcome.Quarantined);

        /// <summary>The quarantined rows per rule of each table (by <c>schema.table</c>).</summary>
        public void SetRules(Dictionary<string, Dictionary<string, long>> rules) => _rules = rules;

        public void Add(TargetTable table, StepOutcome outcome, TimeSpan elapsed)
        {
            var index = _tables.FindIndex(t => t.Table == table);
            if (index < 0)
            {
                _tables.Add((table, outcome, elapsed, DateTime.UtcNow - elapsed));
                return;
            }

            var (_, sum, total, startedAt) = _tables[index];
            _tables[index] = (table, new StepOutcome(sum.Read + outcome.Read, sum.Written + outcome.Written, sum.Quarantined + outcome.Quarantined)
            {
                Inserted = sum.Inserted + outcome.Inserted,
                Updated = sum.Updated + outcome.Updated,
                Deleted = sum.Deleted + outcome.Deleted,
                Unchanged = sum.Unchanged + outcome.Unchanged,
                WatermarkBefore = sum.WatermarkBefore ?? outcome.WatermarkBefore,
                WatermarkAfter = outcome.WatermarkAfter ?? sum.WatermarkAfter,
            }, total + elapsed, startedAt);
        }

        public IReadOnlyList<TableResult> Results => Entries.Select(e => e.Result).ToList();

        public IEnumerable<(TableResult Result, BatchTableEntry Entry)> Entries => _tables.Select(t =>
        (
            new TableResult(layer, t.Table.Name, t.Outcome.Read, t.Outcome.Written, t.Outcome.Quarantined, t.Elapsed)
            {
                RowsInserted = t.Outcome.Inserted,
                RowsUpdated = t.Outcome.Updated,
                RowsDeleted = t.Outcome.Deleted,
                RowsUnchanged = t.Outcome.Unchanged,
                RowsQuarantinedByRule = _rules.TryGetValue(t.Table.DisplayName, out var rules) ? rules : new Dictionary<string, long>(StringComparer.Ordinal),
            },
            new BatchTableEntry
            {
                Layer = layer,
                TableName = t.Table.DisplayName,
                RowsRead = t.Outcome.Read,
                RowsWritten = t.Outcome.Written,
                RowsQuarantined = t.Outcome.Quarantined,
                RowsUnchanged = t.Outcome.Unchanged,
                WatermarkBefore = t.Outcome.WatermarkBefore,
                WatermarkAfter = t.Outcome.WatermarkAfter,
                StartedAt = t.StartedAt,
                FinishedAt = t.StartedAt + t.Elapsed,
            }));
    }
}
