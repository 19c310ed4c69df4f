using System.Linq.Expressions;
using System.Reflection;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>Merges the current state a transform produces into an SCD type 2 dimension (<see cref="Scd2Merge"/>).</summary>
internal sealed class Scd2Step<TSource, TTarget>(Transform<TSource, TTarget> transform, Scd2Options options) : LayerStep
    where TSource : class
    where TTarget : class
{
    public override Type TargetType => typeof(TTarget);

    public override async Task<StepOutcome> RunAsync(LayerExecution execution, CancellationToken cancellationToken)
    {
        var result = await execution.Runner.MergeScd2Async(transform, execution.Read, execution.Target, execution.Context, options, cancellationToken)
            .ConfigureAwait(false);
        return new StepOutcome(result.RowsRead, result.FirstVersions + result.NewVersions + result.Unchanged, result.RowsQuarantined)
        {
            Inserted = result.FirstVersions + result.NewVersions,
            Updated = result.NewVersions + result.Closed,
            Deleted = result.Closed,
            Unchanged = result.Unchanged,
        };
    }

    // The server merge over lists: versions are keyed by natural key and valid-from; the surrogate key counts up.
    public override StepOutcome RunInMemory(InMemoryLayerState state, TargetTable table, TransformContext context)
    {
        var dimension = Scd2Dimension.For(table, options);
        var result = TransformRunner.RunInMemory(transform, state.Sources, context);
        state.Quarantine(transform.Name, result.Quarantined.Select(q => (q.Key, q.Rule)));
        var naturalKey = RowKeys.Of<TTarget>(dimension.NaturalKey.Select(c => c.Property));
        var validFrom = Property(dimension.ValidFrom.Property);
        var validTo = Property(dimension.ValidTo.Property);
        var isCurrent = Property(dimension.IsCurrent.Property);
        var mapped = ((MemberInitExpression)transform.Define(state.Sources, context).Map.Body).Bindings.Select(b => b.Member.Name).ToList();
        var keyProperties = dimension.NaturalKey.Select(c => c.Property).ToHashSet(StringComparer.Ordinal);
        var tracked = mapped.Where(p => !keyProperties.Contains(p) && !table.Column(p).ExcludedFromHistory).Select(Property).ToList();
        var surrogate = table.EntityType.FindPrimaryKey() is { Properties: [{ ValueGenerated: not ValueGenerated.Never } generated] } ? Property(generated.Name) : null;

        var versions = state.Rows<TTarget>().ToList();
        var current = versions.Where(v => (bool)isCurrent.GetValue(v)!).ToDictionary(naturalKey, StringComparer.Ordinal);
        var seen = versions.Select(naturalKey).ToHashSet(StringComparer.Ordinal);
        var staged = result.Rows.ToDictionary(naturalKey, StringComparer.Ordinal);
        var boundaries = versions.SelectMany(v => new[] { (DateTime?)validFrom.GetValue(v), (DateTime?)validTo.GetValue(v) }).Where(b => b is not null).ToList();
        var changeTime = Scd2ChangeTime.After(context.RunTimeUtc, boundaries.Count == 0 ? null : boundaries.Max(), Scd2ChangeTime.IsDate(dimension));
        long first = 0, changed = 0, closed = 0;
        foreach (var (key, version) in current)
        {
            var stays = staged.TryGetValue(key, out var row) && tracked.All(p => Equals(p.GetValue(version), p.GetValue(row)));
            if (!stays)
            {
                validTo.SetValue(version, changeTime);
                isCurrent.SetValue(version, false);
                current.Remove(key);
                closed += staged.ContainsKey(key) ? 0 : 1;
            }
        }

        var nextKey = surrogate is null ? 0 : versions.Select(v => Convert.ToInt64(surrogate.GetValue(v), System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        foreach (var (key, row) in staged.Where(s => !current.ContainsKey(s.Key)))
        {
            var isFirst = !seen.Contains(key);
            first += isFirst ? 1 : 0;
            changed += isFirst ? 0 : 1;
            validFrom.SetValue(row, isFirst ? Scd2Options.BeginningOfTime : changeTime);
            validTo.SetValue(row, null);
            isCurrent.SetValue(row, true);
            surrogate?.SetValue(row, Convert.ChangeType(++nextKey, surrogate.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
            versions.Add(row);
        }

        state.Replace(versions, v => naturalKey(v) + "|" + ((DateTime)validFrom.GetValue(v)!).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new StepOutcome(result.RowsRead, result.Rows.Count, result.Quarantined.Count) { Inserted = first + changed, Updated = changed + closed, Deleted = closed };
    }

    private static PropertyInfo Property(string name) =>
        typeof(TTarget).GetProperty(name) ?? throw new InvalidOperationException($"{typeof(TTarget).Name} has no property {name}.");
}
