using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// A bronze → silver transform as a silver layer runs it: its input narrowed, from the key alone, to the latest bronze
/// row per key when that row is an upsert of a batch the target row was not applied from yet (or the key is not in the
/// target): <c>NOT EXISTS (newer bronze row) AND NOT EXISTS (target row applied from this batch or a later one)</c>. A rerun over
/// unchanged bronze reads nothing; a quarantined row is re-read every run until it passes. With a <see cref="BronzeWindow"/>
/// (in the server, for a transform whose input is the bronze set itself) only the batches after the watermark are read, plus
/// the open quarantine entries' raw rows, and the newer-row probe looks no further back than the watermark, so the cost
/// follows the new batches, not bronze's history. A transform that narrows its input itself reads all of bronze as before.
/// When the caller knows bronze holds one batch only (<see cref="BronzeBatches"/>), the newer-row probe is left out: it
/// would remove nothing. The map gets <c>SourceBatchId = row.DpBatchId</c> and <c>InactivatedDate = null</c> unless it sets them.
/// </summary>
internal sealed class AppliedTransform<TBronze, TTarget>(Transform<TBronze, TTarget> inner, BronzeWindow? window = null, bool bronzeHoldsOneBatch = false)
    : Transform<TBronze, TTarget>
    where TBronze : class, IBronzeRecord
    where TTarget : class, IHasSourceBatch
{
    public override string Name => inner.Name;

    /// <summary>The key members of the bronze row (and, by name, of the target row).</summary>
    public static IReadOnlyList<string> KeyOf(string name, TransformDefinition<TBronze, TTarget> definition) =>
        definition.Key is null
            ? throw new TransformBuildException($"Transform {name}: a silver transform needs KeyedBy(...) naming the source key, e.g. b => b.FilmId.")
            : ComposedTransform<TBronze, TTarget>.KeyMembersOf(name, definition.Key).Select(m => m.Name).ToList();

    public override TransformDefinition<TBronze, TTarget> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var definition = inner.Define(sources, context);
        var keys = KeyOf(Name, definition);
        foreach (var key in keys)
        {
            if (typeof(TTarget).GetProperty(key) is null)
            {
                throw new TransformBuildException($"Transform {Name}: the source key member {key} has no property of the same name in {typeof(TTarget).Name}.");
            }
        }

        var row = Expression.Parameter(typeof(TBronze), "row");
        var applied = Expression.Parameter(typeof(TTarget), "applied");
        var batch = Member(row, nameof(IBronzeRecord.DpBatchId));
        var isUpsert = Expression.Equal(Member(row, nameof(IBronzeRecord.DpOperation)), Expression.Constant(BronzeOperation.Upsert));
        var appliedExists = Any(sources.Set<TTarget>(), applied, Expression.AndAlso(SameKey(keys, applied, row), Expression.GreaterThanOrEqual(Member(applied, nameof(IHasSourceBatch.SourceBatchId)), batch)));
        Expression keep = Expression.AndAlso(isUpsert, Expression.Not(appliedExists));
        var source = definition.Rows;
        if (window is not null && sources is DbContextSources server && source.Expression is QueryRootExpression)
        {
            // The window keeps each key's latest row itself, so no newer-row probe: within a window that probe is a self
            // anti-join of the new rows, planned as a nested loop whenever the rules make the input look small.
            source = WindowRows(server.Context, window, keys);
        }
        else if (!bronzeHoldsOneBatch)
        {
            var newer = Expression.Parameter(typeof(TBronze), "newer");
            var isNewer = Expression.GreaterThan(Member(newer, nameof(IBronzeRecord.DpBatchId)), batch);
            keep = Expression.AndAlso(Expression.Not(Any(sources.Set<TBronze>(), newer, Expression.AndAlso(SameKey(keys, newer, row), isNewer))), keep);
        }

        var predicate = Expression.Lambda<Func<TBronze, bool>>(keep, row);
        var rows = source.Provider.CreateQuery<TBronze>(
            Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(TBronze)), source.Expression, Expression.Quote(predicate)));
        return TransformDefinitions.With(definition, rows, WithBookkeeping(definition.Map));
    }

    private static Expression<Func<TBronze, TTarget>> WithBookkeeping(Expression<Func<TBronze, TTarget>> map)
    {
        if (map.Body is not MemberInitExpression init)
        {
            return map;
        }

        var bound = init.Bindings.Select(b => b.Member.Name).ToHashSet(StringComparer.Ordinal);
        var bindings = new List<MemberBinding>(init.Bindings);
        if (!bound.Contains(nameof(IHasSourceBatch.SourceBatchId)))
        {
            bindings.Add(Expression.Bind(typeof(TTarget).GetProperty(nameof(IHasSourceBatch.SourceBatchId))!, Member(map.Parameters[0], nameof(IBronzeRecord.DpBatchId))));
        }

        if (typeof(IReferenceData).IsAssignableFrom(typeof(TTarget)) && !bound.Contains(nameof(IReferenceData.InactivatedDate)))
        {
            bindings.Add(Expression.Bind(typeof(TTarget).GetProperty(nameof(IReferenceData.InactivatedDate))!, Expression.Constant(null, typeof(DateTime?))));
        }

        return Expression.Lambda<Func<TBronze, TTarget>>(Expression.MemberInit(init.NewExpression, bindings), map.Parameters);
    }

    // The latest row per key among the bronze rows of the batches after the watermark and the raw rows (to_jsonb of the
    // bronze row as the transform selected it) of the entries open when the step started, as bronze rows again. An open
    // entry's raw row is its key's latest version up to the watermark (an entry not seen again is resolved), so it is read
    // from the quarantine instead of its whole batch, and a newer bronze row of its key replaces it. The step's own
    // statements resolve entries and re-point them at newer rows, so entries resolved by this batch still count. The
    // DISTINCT ON keeps the planner from pushing the rules into the union's arms (each would build its own hashed probes).
    private static IQueryable<TBronze> WindowRows(DbContext context, BronzeWindow window, IReadOnlyList<string> keys)
    {
        var entity = context.Model.FindEntityType(typeof(TBronze))!;
        var table = SqlIdentifier.Quote(entity.GetSchema()!, entity.GetTableName()!);
        var bronzeBatch = SqlIdentifier.Quote(MixinColumns.BatchId);
        var keyColumns = string.Join(", ", keys.Select(k => "w." + SqlIdentifier.Quote(entity.FindProperty(k)!.GetColumnName())));
        var batch = $"(raw_row ->> {TransformSql.Literal(MixinColumns.BatchId)})::bigint";
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT DISTINCT ON ({keyColumns}) w.* FROM (
                SELECT b.* FROM {table} AS b WHERE b.{bronzeBatch} > {window.After} AND b.{bronzeBatch} <= {window.Through}
                UNION ALL
                SELECT r.* FROM (SELECT DISTINCT ON (row_key) raw_row FROM {QuarantineTable.QualifiedName}
                                 WHERE table_name = {TransformSql.Literal(window.Target)} AND (resolved_batch_id IS NULL OR resolved_batch_id = {window.Through})
                                   AND {batch} <= {window.After}
                                 ORDER BY row_key, {batch} DESC) AS q
                CROSS JOIN LATERAL jsonb_populate_record(NULL::{table}, q.raw_row) AS r) AS w
            ORDER BY {keyColumns}, w.{bronzeBatch} DESC
            """);
        return context.Set<TBronze>().FromSqlRaw(sql);
    }

    private static MemberExpression Member(Expression instance, string name) => Expression.Property(instance, instance.Type.GetProperty(name)!);

    private static Expression SameKey(IReadOnlyList<string> keys, ParameterExpression other, ParameterExpression row) =>
        keys.Select(k => (Expression)Expression.Equal(Member(other, k), Member(row, k))).Aggregate(Expression.AndAlso);

    private static MethodCallExpression Any<T>(IQueryable<T> set, ParameterExpression parameter, Expression condition) =>
        Expression.Call(QueryableMethods.AnyWithPredicate.MakeGenericMethod(typeof(T)), set.Expression, Expression.Quote(Expression.Lambda<Func<T, bool>>(condition, parameter)));
}
