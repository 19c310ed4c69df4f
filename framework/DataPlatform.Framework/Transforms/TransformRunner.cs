using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using DataPlatform.Framework.Internal.Pipelines;
using DataPlatform.Framework.Internal.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DataPlatform.Framework.Transforms;

/// <summary>
/// Runs typed transforms. In the server (<see cref="RunAsync{TSource, TTarget}"/>): EF Core translates the definition
/// against the source context, a <c>LIMIT 0</c> probe checks the translation, and the runner writes quarantined rows and
/// then the target rows with one set-based statement each, in one transaction, reading table, columns and key from the
/// target context's model. In memory (<see cref="RunInMemory{TSource, TTarget}"/>): the same definition over lists.
/// Source and target contexts may be different types but must point at the same database.
/// </summary>
public sealed class TransformRunner
{
    /// <summary>The temporary table a write step stages its rows in (dropped at the end of the step).</summary>
    private const string StageTable = "dp_write_stage";

    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    internal TransformRunner(ILoggerFactory? loggerFactory = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("DataPlatform.Transforms");
    }

    /// <summary>The runner's logger (category <c>DataPlatform.Transforms</c>).</summary>
    internal ILogger Logger => _logger;

    /// <summary>
    /// Checks a transform without a database: the definition's shape and the static policy (no client-evaluated,
    /// culture-sensitive or non-portable members). Throws <see cref="TransformBuildException"/> naming the member.
    /// </summary>
    public static void Check<TSource, TTarget>(Transform<TSource, TTarget> transform, TransformContext? context = null)
        where TSource : class
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(transform);
        ComposedTransform<TSource, TTarget>.Compose(transform.Name, transform.Define(new InMemorySources(), context ?? new TransformContext(0, DateTime.UnixEpoch)));
    }

    /// <summary>Runs a transform over in-memory rows (unit tests): returns the target rows and the quarantined rows.</summary>
    public static InMemoryTransformResult<TSource, TTarget> RunInMemory<TSource, TTarget>(
        Transform<TSource, TTarget> transform,
        InMemorySources sources,
        TransformContext context)
        where TSource : class
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        return InMemoryExecution.Run(ComposedTransform<TSource, TTarget>.Compose(transform.Name, transform.Define(sources, context)));
    }

    /// <summary>
    /// Builds and checks a transform against the database without writing anything, and returns the statements a run
    /// would execute (for SQL baseline tests and reviews).
    /// </summary>
    internal async Task<TransformSqlPlan> BuildAsync<TSource, TTarget>(
        Transform<TSource, TTarget> transform,
        DbContext source,
        DbContext target,
        TransformContext context,
        TransformRunOptions? options = null,
        CancellationToken cancellationToken = default)
        where TSource : class
        where TTarget : class
    {
        options ??= new TransformRunOptions();
        var session = await TransformSession.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        await using var sessionScope = session.ConfigureAwait(false);
        var plan = await PlanAsync(transform, source, target, context, session, cancellationToken).ConfigureAwait(false);
        return new TransformSqlPlan(
            plan.Pass.Sql,
            plan.Classification is null ? null : TransformSql.Classify(plan),
            plan.Classification is null ? null : TransformSql.Quarantine(plan).ToString(),
            TransformSql.Stage(plan, StageTable),
            TransformSql.Write(plan, options.Mode, plan.Table.ResolveKey(options.KeyProperties), StageTable).ToString());
    }

    /// <summary>
    /// Runs a transform in the server: quarantines the rows that fail a rule, then inserts or upserts the others into the
    /// target table, in one transaction (the source context's current transaction when there is one).
    /// </summary>
    /// <exception cref="TransformBuildException">The transform cannot run the same way in memory and in the server.</exception>
    internal async Task<TransformResult> RunAsync<TSource, TTarget>(
        Transform<TSource, TTarget> transform,
        DbContext source,
        DbContext target,
        TransformContext context,
        TransformRunOptions? options = null,
        CancellationToken cancellationToken = default)
        where TSource : class
        where TTarget : class
    {
        options ??= new TransformRunOptions();
        var stopwatch = Stopwatch.StartNew();
        var session = await TransformSession.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        await using var sessionScope = session.ConfigureAwait(false);
        var plan = await PlanAsync(transform, source, target, context, session, cancellationToken, options.RowFilter).ConfigureAwait(false);
        var key = plan.Table.ResolveKey(options.KeyProperties);
        if (options.RemoveMissing && options.Mode != TransformMode.Upsert)
        {
            throw new ArgumentException("RemoveMissing needs TransformMode.Upsert.", nameof(options));
        }

        // The input is read whole before anything is written: the input of a silver transform reads the target itself ("not applied yet").
        var (quarantined, classified) = await ClassifyAsync(plan, context, session, cancellationToken).ConfigureAwait(false);
        TransformLog.Statement(_logger, plan.Transform.Name, plan.Table.DisplayName, TransformSql.Stage(plan, StageTable));
        var passed = await InputStage.FillAsync(plan, StageTable, session.Statements, materialize: false, cancellationToken).ConfigureAwait(false);
        var read = classified ?? passed;
        var write = TransformSql.Write(plan, options.Mode, key, StageTable);
        TransformLog.Statement(_logger, plan.Transform.Name, plan.Table.DisplayName, write.ToString());

        // Which staged keys the target holds is known before anything is written: it sizes the foreign-key policy by the new
        // rows and lets the update be skipped when every held row is equal already.
        long held = 0, unchanged = 0;
        if (write is { Existing: { } existing, Counts: { } countHeld })
        {
            await session.Statements.ExecuteAsync(existing, [], cancellationToken).ConfigureAwait(false);
            var counts = await session.Statements.QueryRowAsync(countHeld, [], cancellationToken).ConfigureAwait(false);
            (held, unchanged) = (counts[0], counts[1]);
        }

        var newRows = Math.Max(0, passed - held);
        var bulk = await BulkWritePolicy.PrepareAsync(session.Statements, plan.Table, newRows, cancellationToken).ConfigureAwait(false);
        if (bulk.IsBulk)
        {
            TransformLog.BulkWrite(_logger, plan.Transform.Name, plan.Table.DisplayName, newRows);
        }

        long deleted = 0;
        if (options.RemoveMissing)
        {
            deleted = options.Keys is null
                ? (await session.Statements.QueryRowAsync(TransformSql.DeleteMissing(plan, key, StageTable, scoped: false), [], cancellationToken).ConfigureAwait(false))[0]
                : (await session.Statements.QueryRowAsync(
                    TransformSql.DeleteMissing(plan, key, StageTable, scoped: true), [new NpgsqlParameter(TransformSql.KeysParameter, options.Keys)], cancellationToken).ConfigureAwait(false))[0];
        }

        long inserted = 0, updated = 0;
        try
        {
            if (write.Update is not null && held > unchanged)
            {
                updated = await session.Statements.ExecuteCountingAsync(write.Update, [], cancellationToken).ConfigureAwait(false);
            }

            inserted = await session.Statements.ExecuteCountingAsync(write.Insert, [], cancellationToken).ConfigureAwait(false);

            if (write.Existing is not null)
            {
                await session.Statements.ExecuteAsync("DROP TABLE " + TransformSql.ExistingTable, [], cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CardinalityViolation or PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException(
                $"Batch {context.BatchId}, table {plan.Table.DisplayName}: transform {plan.Transform.Name} has two input rows with the same key ({TransformSql.Join(key)}"
                + (e.ConstraintName is { } constraint ? $", constraint {constraint}" : string.Empty) + "). "
                + "Deduplicate the input first, e.g. rows.LatestPerKey(r => r.Id, r => r.DpBatchId).", e);
        }

        await bulk.RestoreAsync(cancellationToken).ConfigureAwait(false);
        await InputStage.DropAsync(plan, StageTable, session.Statements, cancellationToken).ConfigureAwait(false);
        var written = inserted + updated + unchanged;
        RowAccounting.Require(
            context.BatchId,
            plan.Table.DisplayName,
            read,
            written,
            quarantined,
            $"Transform {plan.Transform.Name}: {passed} rows passed the rules; {inserted} were inserted, {updated} updated and {unchanged} already equal"
            + (passed > written ? $", so {passed - written} were dropped by the upsert: input rows sharing a key of the target ({TransformSql.Join(key)}) collapse into one. Deduplicate the input first, e.g. rows.LatestPerKey(...)." : "."));
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);

        var result = new TransformResult(
            plan.Transform.Name, plan.Table.DisplayName, read, written, inserted, updated, unchanged, quarantined, stopwatch.Elapsed)
        {
            RowsDeleted = deleted,
        };
        TransformLog.Completed(_logger, result.Transform, result.Table, read, written, inserted, updated, result.RowsUnchanged, quarantined, stopwatch.ElapsedMilliseconds);
        return result;
    }

    /// <summary>
    /// Merges the current state a transform produces into a slowly changing dimension of type 2 (see <see cref="Scd2Merge"/>):
    /// changed keys get a new version, vanished keys are closed, unchanged keys are left alone.
    /// </summary>
    internal async Task<Scd2Result> MergeScd2Async<TSource, TTarget>(
        Transform<TSource, TTarget> transform,
        DbContext source,
        DbContext target,
        TransformContext context,
        Scd2Options? options = null,
        CancellationToken cancellationToken = default)
        where TSource : class
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(context);
        options ??= new Scd2Options();
        var stopwatch = Stopwatch.StartNew();
        var session = await TransformSession.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        await using var sessionScope = session.ConfigureAwait(false);
        var plan = await PlanAsync(transform, source, target, context, session, cancellationToken).ConfigureAwait(false);
        var dimension = Scd2Dimension.For(plan.Table, options);
        var (quarantined, classified) = await ClassifyAsync(plan, context, session, cancellationToken).ConfigureAwait(false);

        var counts = await Scd2Merge.ExecuteAsync(plan, dimension, context.RunTimeUtc, session, cancellationToken).ConfigureAwait(false);
        var read = classified ?? counts.Staged;
        RowAccounting.Require(
            context.BatchId,
            plan.Table.DisplayName,
            read,
            counts.Written,
            quarantined,
            $"Transform {plan.Transform.Name}: {counts.Staged} rows passed the rules; {counts.FirstVersions} keys got a first version, "
            + $"{counts.NewVersions} a new version and {counts.Unchanged} kept theirs.");
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);

        var result = new Scd2Result(
            plan.Transform.Name, plan.Table.DisplayName, read, counts.FirstVersions, counts.NewVersions, counts.Closed,
            counts.Unchanged, quarantined, stopwatch.Elapsed);
        TransformLog.Scd2Completed(_logger, result.Transform, result.Table, read, result.FirstVersions, result.NewVersions, result.Closed, result.Unchanged, quarantined, stopwatch.ElapsedMilliseconds);
        return result;
    }

    /// <summary>
    /// Deletes the target rows whose key the transform no longer produces (rows that fail a rule count as not produced),
    /// in one statement; returns how many. For a target whose removal must wait for later steps, e.g. days of a date
    /// dimension that facts referenced until their own step ran.
    /// </summary>
    internal async Task<long> RemoveMissingAsync<TSource, TTarget>(
        Transform<TSource, TTarget> transform,
        DbContext source,
        DbContext target,
        TransformContext context,
        IReadOnlyList<string>? keyProperties = null,
        CancellationToken cancellationToken = default)
        where TSource : class
        where TTarget : class
    {
        var session = await TransformSession.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        await using var sessionScope = session.ConfigureAwait(false);
        var plan = await PlanAsync(transform, source, target, context, session, cancellationToken).ConfigureAwait(false);
        var sql = TransformSql.RemoveMissing(plan, plan.Table.ResolveKey(keyProperties));
        TransformLog.Statement(_logger, plan.Transform.Name, plan.Table.DisplayName, sql);
        var deleted = (await session.Statements.QueryRowAsync(sql, plan.Pass.CloneParameters(), cancellationToken).ConfigureAwait(false))[0];
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private static async Task<ServerPlan<TSource, TTarget>> PlanAsync<TSource, TTarget>(
        Transform<TSource, TTarget> transform,
        DbContext source,
        DbContext target,
        TransformContext context,
        TransformSession session,
        CancellationToken cancellationToken,
        LambdaExpression? rowFilter = null)
        where TSource : class
        where TTarget : class
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        var composed = ComposedTransform<TSource, TTarget>.Compose(
            transform.Name, transform.Define(new DbContextSources(source), context), (Expression<Func<TSource, bool>>?)rowFilter);
        var table = TargetTable.For(target, typeof(TTarget));
        return await ServerPlan<TSource, TTarget>.BuildAsync(composed, source, table, session.Connection, session.Transaction, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// For a transform with rules, classifies and maps every input row once (<see cref="TransformSql.Classify"/>) and writes
    /// the failing rows to the quarantine; returns how many, and how many input rows were classified (the rows read, measured
    /// on their own), or null for a transform without rules (nothing is classified: every input row passes).
    /// </summary>
    private async Task<(long Quarantined, long? Classified)> ClassifyAsync<TSource, TTarget>(
        ServerPlan<TSource, TTarget> plan,
        TransformContext context,
        TransformSession session,
        CancellationToken cancellationToken)
        where TSource : class
        where TTarget : class
    {
        if (plan.Classification is null)
        {
            return (0, null);
        }

        var classify = TransformSql.Classify(plan);
        TransformLog.Statement(_logger, plan.Transform.Name, TransformSql.ClassifiedTable, classify);
        var classified = await session.Statements.ExecuteCountingAsync(classify, plan.Classification.CloneParameters(), cancellationToken).ConfigureAwait(false);

        List<NpgsqlParameter> parameters =
        [
            new NpgsqlParameter<long>("dp_batch_id", context.BatchId),
            new NpgsqlParameter<string>("dp_transform", plan.Transform.Name),
            new NpgsqlParameter<string>("dp_table", plan.Table.DisplayName),
        ];

        // Without an open entry of the table (a first load, a clean history) no failing row can find its entry, nothing is
        // re-pointed, and only two failing rows of one key and rule in this batch leave an entry to resolve: the per-row
        // probe and the grouped resolution over every open entry (0.3 s each per large table at Pagila x10) are skipped.
        var anyOpen = (await session.Statements.QueryRowAsync(TransformSql.AnyOpenQuarantine, Clone(parameters), cancellationToken).ConfigureAwait(false))[0] > 0;
        var sql = TransformSql.Quarantine(plan, anyOpen);
        TransformLog.Statement(_logger, plan.Transform.Name, QuarantineTable.QualifiedName, sql.ToString());
        for (var i = 0; i < plan.Transform.Rules.Count; i++)
        {
            parameters.Add(new NpgsqlParameter<string>(string.Create(CultureInfo.InvariantCulture, $"dp_rule_{i}"), plan.Transform.Rules[i].Name));
            parameters.Add(new NpgsqlParameter<string>(string.Create(CultureInfo.InvariantCulture, $"dp_message_{i}"), plan.Transform.Rules[i].Message));
        }

        long quarantined;
        bool resolve;
        if (sql.Collect is null)
        {
            quarantined = await session.Statements.ExecuteCountingAsync(sql.Insert, Clone(parameters), cancellationToken).ConfigureAwait(false);
            resolve = quarantined > 1 && (await session.Statements.QueryRowAsync(sql.QuarantinedTwice!, [], cancellationToken).ConfigureAwait(false))[0] > 0;
        }
        else
        {
            quarantined = await session.Statements.ExecuteCountingAsync(sql.Collect, Clone(parameters), cancellationToken).ConfigureAwait(false);
            await session.Statements.ExecuteAsync(sql.Update!, Clone(parameters), cancellationToken).ConfigureAwait(false);
            await session.Statements.ExecuteAsync(sql.Insert, Clone(parameters), cancellationToken).ConfigureAwait(false);
            await session.Statements.ExecuteAsync("DROP TABLE " + TransformSql.QuarantinedTable, [], cancellationToken).ConfigureAwait(false);
            resolve = true;
        }

        if (resolve)
        {
            await session.Statements.ExecuteAsync(TransformSql.ResolveQuarantine, Clone(parameters), cancellationToken).ConfigureAwait(false);
        }

        return (quarantined, classified);
    }

    private static List<NpgsqlParameter> Clone(List<NpgsqlParameter> parameters) => parameters.Select(p => p.Clone()).ToList();
}
