using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// Decides whether an upsert step recomputes everything or only the target keys whose inputs changed since the step last
/// committed, and finds those keys (<see cref="IncrementalShape"/>). The previous run left an
/// <see cref="IncrementalWatermark"/> in its ledger row; it counts only while the target is the same relation (file node),
/// the transform generates the same SQL, and fewer than a billion transactions have passed. A table read through a
/// non-identity match (<see cref="ChangeLeaf.StableLink"/>) must have changed by inserts only: its changed rows must
/// equal its growth. Open quarantine entries are always recomputed, so a row that now passes leaves the quarantine.
/// More than half the target's keys changed: a full run is cheaper.
/// </summary>
internal static class IncrementalPlanner
{
    private const int MaxHorizonAge = 1_000_000_000;

    private static readonly MethodInfo s_collect = typeof(IncrementalPlanner).GetMethod(nameof(CollectAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<IncrementalPlan> PlanAsync<TSource, TTarget>(
        Transform<TSource, TTarget> transform, LayerExecution execution, CancellationToken cancellationToken)
        where TSource : class
        where TTarget : class
    {
        var composed = ComposedTransform<TSource, TTarget>.Compose(transform.Name, transform.Define(new DbContextSources(execution.Read), execution.Context));
        var table = TargetTable.For(execution.Target, typeof(TTarget));
        var (shape, reason) = IncrementalShape.Analyze(composed, table);
        if (shape is not null && shape.Leaves.FirstOrDefault(l => execution.UnsafeInputs.Contains(l.EntityType.ClrType)) is { } unsafeInput)
        {
            (shape, reason) = (null, $"it reads {unsafeInput.EntityType.DisplayName()}, which a later step of the layer writes or a step deletes rows from");
        }

        if (shape is null)
        {
            IncrementalLog.Full(execution.Runner.Logger, transform.Name, reason!);
            return IncrementalPlan.Full(null);
        }

        var statements = execution.Statements;
        var tables = shape.Leaves.Select(TableOf).Distinct().ToList();
        var unstable = shape.Leaves.Where(l => !l.StableLink).Select(TableOf).ToHashSet(StringComparer.Ordinal);
        // The horizon is the oldest transaction this run may not see: everything written by it or later counts as changed next
        // time, so a transaction that commits during the run is never missed; except this run's own writes, which it saw.
        var xids = await statements.QueryRowAsync("SELECT txid_current(), pg_snapshot_xmin(pg_current_snapshot())::text::bigint", [], cancellationToken).ConfigureAwait(false);
        var (xid, oldestUnseen) = (xids[0], xids[1]);
        var definition = Fingerprint(composed);
        var previous = await PreviousAsync(execution, table, statements, cancellationToken).ConfigureAwait(false);
        var usable = previous is not null && previous.Definition == definition && xid - previous.Xid is > 0 and < MaxHorizonAge
            && previous.FileNode == await FileNodeAsync(statements, table, cancellationToken).ConfigureAwait(false);
        var ages = usable
            ? await statements.QueryRowAsync("SELECT age(@dp_xid::text::xid), age(@dp_own::text::xid)", [XidText("dp_xid", previous!.Xid), XidText("dp_own", previous.OwnXid)], cancellationToken).ConfigureAwait(false)
            : [-1, -1];
        var horizon = new ChangeHorizon((int)ages[0], (int)ages[1]);
        // A full run only needs the growth baseline of the tables matched on more than their identity.
        var counted = usable ? tables : tables.Where(unstable.Contains).ToList();
        var counts = await CountAsync(statements, counted, horizon, cancellationToken).ConfigureAwait(false);
        var rows = counted.Select((t, i) => (t, counts[i].Rows)).ToDictionary(x => x.t, x => x.Rows, StringComparer.Ordinal);
        var watermark = new IncrementalWatermark(oldestUnseen, xid, 0, definition, rows);
        if (!usable)
        {
            IncrementalLog.Full(execution.Runner.Logger, transform.Name, previous is null ? "no earlier run left a watermark" : "the earlier watermark no longer holds (target, definition or age)");
            return IncrementalPlan.Full(watermark);
        }

        for (var i = 0; i < tables.Count; i++)
        {
            if (unstable.Contains(tables[i]) && counts[i].Changed > 0
                && (!previous!.Rows.TryGetValue(tables[i], out var before) || counts[i].Rows - before != counts[i].Changed))
            {
                IncrementalLog.Full(execution.Runner.Logger, transform.Name, $"rows of {tables[i]}, which it matches on more than their identity, were updated or deleted");
                return IncrementalPlan.Full(watermark);
            }
        }

        var queries = new List<IQueryable>();
        for (var leaf = 0; leaf < shape.Leaves.Count; leaf++)
        {
            if (counts[tables.IndexOf(TableOf(shape.Leaves[leaf]))].Changed > 0)
            {
                queries.Add(shape.Variant(execution.Changes, leaf, horizon));
            }
        }

        var quarantined = await QuarantinedKeysAsync(statements, table, shape.SourceKey.ReturnType, cancellationToken).ConfigureAwait(false);
        if (quarantined is null)
        {
            IncrementalLog.Full(execution.Runner.Logger, transform.Name, "an open quarantine entry's row key does not parse as the source key");
            return IncrementalPlan.Full(watermark);
        }

        if (quarantined.Count > 0)
        {
            queries.Add(shape.OfSourceKeys(execution.Changes, quarantined));
        }

        await execution.Changes.Database.UseTransactionAsync(execution.Transaction, cancellationToken).ConfigureAwait(false);
        var keys = await ((Task<IList>)s_collect.MakeGenericMethod(shape.TargetKey.ReturnType).Invoke(null, [queries, cancellationToken])!).ConfigureAwait(false);
        var targetRows = (await statements.QueryRowAsync($"SELECT count(*) FROM {table.QualifiedName}", [], cancellationToken).ConfigureAwait(false))[0];
        if (keys.Count > targetRows / 2)
        {
            IncrementalLog.Full(execution.Runner.Logger, transform.Name, $"{keys.Count} of {targetRows} keys changed");
            return IncrementalPlan.Full(watermark);
        }

        IncrementalLog.Incremental(execution.Runner.Logger, transform.Name, keys.Count, targetRows);
        return IncrementalPlan.ForKeys(watermark, keys, IncrementalShape.In(shape.TargetKey, keys));
    }

    /// <summary>The watermark to record after the step: the plan's, with the target's file node as the write left it.</summary>
    public static async Task<string?> WatermarkAfterAsync(IncrementalPlan plan, LayerExecution execution, Type targetType, CancellationToken cancellationToken)
    {
        if (plan.Watermark is null)
        {
            return null;
        }

        var statements = execution.Statements;
        var fileNode = await FileNodeAsync(statements, TargetTable.For(execution.Target, targetType), cancellationToken).ConfigureAwait(false);
        return (plan.Watermark with { FileNode = fileNode }).ToJson();
    }

    private static async Task<IList> CollectAsync<TKey>(IReadOnlyList<IQueryable> queries, CancellationToken cancellationToken)
    {
        var keys = new HashSet<TKey>();
        foreach (var query in queries)
        {
            foreach (var key in await ((IQueryable<TKey>)query).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(key);
            }
        }

        return keys.ToList();
    }

    private static async Task<IncrementalWatermark?> PreviousAsync(LayerExecution execution, TargetTable table, TransformStatement statements, CancellationToken cancellationToken)
    {
        if (!execution.RecordsLedger)
        {
            return null;
        }

        var rows = await statements.QueryAsync(
            LedgerSql.LastTableWatermark, [new NpgsqlParameter<string>("layer", execution.Layer), new NpgsqlParameter<string>("table", table.DisplayName)],
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 1 && rows[0][0] is string text ? IncrementalWatermark.Parse(text) : null;
    }

    private static async Task<long> FileNodeAsync(TransformStatement statements, TargetTable table, CancellationToken cancellationToken) =>
        (await statements.QueryRowAsync(LedgerSql.FileNode, [new NpgsqlParameter<string>("relation", table.QualifiedName)], cancellationToken).ConfigureAwait(false))[0];

    private static string TableOf(ChangeLeaf leaf) => SqlIdentifier.Quote(leaf.EntityType.GetSchema()!, leaf.EntityType.GetTableName()!);

    private static NpgsqlParameter XidText(string name, long xid) =>
        new NpgsqlParameter<string>(name, (xid & 0xFFFFFFFF).ToString(CultureInfo.InvariantCulture));

    private static async Task<List<(long Rows, long Changed)>> CountAsync(TransformStatement statements, IReadOnlyList<string> tables, ChangeHorizon horizon, CancellationToken cancellationToken)
    {
        if (tables.Count == 0)
        {
            return [];
        }

        var sql = string.Join(" UNION ALL ", tables.Select((t, i) => string.Create(
            CultureInfo.InvariantCulture, $"SELECT {i}::bigint, count(*), count(*) FILTER (WHERE age(xmin) <= @dp_age AND age(xmin) <> @dp_own) FROM {t}")));
        var rows = await statements.QueryAsync(
            sql, [new NpgsqlParameter<int>("dp_age", horizon.Age), new NpgsqlParameter<int>("dp_own", horizon.OwnAge)], cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => (long)r[0]).Select(r => ((long)r[1], (long)r[2])).ToList();
    }

    /// <summary>The source keys of the target's open quarantine entries, parsed; null when one does not parse.</summary>
    private static async Task<IList?> QuarantinedKeysAsync(TransformStatement statements, TargetTable table, Type keyType, CancellationToken cancellationToken)
    {
        var rows = await statements.QueryAsync(
            $"SELECT DISTINCT row_key FROM {QuarantineTable.QualifiedName} WHERE table_name = @dp_table AND resolved_batch_id IS NULL",
            [new NpgsqlParameter<string>("dp_table", table.DisplayName)], cancellationToken).ConfigureAwait(false);
        var keys = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(keyType))!;
        var type = Nullable.GetUnderlyingType(keyType) ?? keyType;
        foreach (var row in rows)
        {
            var text = (string)row[0];
            try
            {
                keys.Add(type == typeof(Guid) ? Guid.Parse(text, CultureInfo.InvariantCulture) : Convert.ChangeType(text, type, CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
            {
                return null;
            }
        }

        return keys;
    }

    private static string Fingerprint<TSource, TTarget>(ComposedTransform<TSource, TTarget> composed)
        where TSource : class
        where TTarget : class
    {
        var provider = composed.Definition.Rows.Provider;
        var text = new StringBuilder(SqlQuery.Translate<TTarget>(provider, ServerRewriter.Rewrite(composed.Pass), composed.Name, "the rules and the map").Sql);
        if (composed.ClassifiedMapped is not null)
        {
            text.Append('\n').Append(SqlQuery.Translate<ClassifiedRow<TSource, TTarget>>(provider, ServerRewriter.Rewrite(composed.ClassifiedMapped), composed.Name, "the classification query").Sql);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
