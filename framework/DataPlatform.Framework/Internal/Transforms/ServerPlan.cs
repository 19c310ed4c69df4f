using System.Linq.Expressions;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// A transform translated for the server and checked: the pass query's <c>LIMIT 0</c> probe must return one column per
/// target member (EF Core evaluates untranslatable members on the client and then selects raw columns instead, and drops
/// one of two members with identical expressions — such a twin reuses the kept column); the quarantine query must carry
/// the rule and the key columns; the classification query (rules once, map for passing rows) must hold the quarantine
/// query's columns, then one column per target member.
/// </summary>
internal sealed class ServerPlan<TSource, TTarget>
    where TSource : class
    where TTarget : class
{
    private ServerPlan(ComposedTransform<TSource, TTarget> transform, TargetTable table)
    {
        Transform = transform;
        Table = table;
    }

    public ComposedTransform<TSource, TTarget> Transform { get; }

    public TargetTable Table { get; }

    public SqlQuery Pass { get; private set; } = null!;

    public SqlQuery Rows { get; private set; } = null!;

    public SqlQuery? Quarantine { get; private set; }

    /// <summary>
    /// The one pass over the input of a transform with rules (<see cref="ComposedTransform{TSource, TTarget}.ClassifiedMapped"/>):
    /// the rule column, the raw row's columns, then the target members; null without rules.
    /// </summary>
    public SqlQuery? Classification { get; private set; }

    /// <summary>Raw row JSON key (the quarantine query's column name) → the position of the classification query's column, in order.</summary>
    public IReadOnlyList<(string Key, int Position)> RawRowColumns { get; private set; } = [];

    /// <summary>Target column → the position of the classification query's column holding its value, in map order.</summary>
    public IReadOnlyList<(TargetColumn Column, int Position)> ClassifiedColumns { get; private set; } = [];

    /// <summary>Target column → the pass query's column holding its value, in map order.</summary>
    public IReadOnlyList<(TargetColumn Column, string SourceColumn)> Columns { get; private set; } = [];

    /// <summary>The JSON keys (column names) of the quarantine key members in the raw row.</summary>
    public IReadOnlyList<string> KeyColumns { get; private set; } = [];

    public static async Task<ServerPlan<TSource, TTarget>> BuildAsync(
        ComposedTransform<TSource, TTarget> transform,
        DbContext source,
        TargetTable table,
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        CancellationToken cancellationToken)
    {
        var plan = new ServerPlan<TSource, TTarget>(transform, table);
        var provider = transform.Definition.Rows.Provider;
        var name = transform.Name;

        plan.Rows = SqlQuery.Translate<TSource>(provider, ServerRewriter.Rewrite(transform.Rows), name, "the source query");
        plan.Pass = SqlQuery.Translate<TTarget>(provider, ServerRewriter.Rewrite(transform.Pass), name, "the rules and the map");
        await plan.Pass.ProbeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        plan.Columns = plan.MapColumns();

        if (transform.Quarantine is not null)
        {
            plan.Quarantine = SqlQuery.Translate<QuarantineProbe<TSource>>(provider, ServerRewriter.Rewrite(transform.Classified!), name, "the quarantine query");
            await plan.Quarantine.ProbeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            plan.KeyColumns = plan.MapKeyColumns(source);
            plan.Classification = SqlQuery.Translate<ClassifiedRow<TSource, TTarget>>(
                provider, ServerRewriter.Rewrite(transform.ClassifiedMapped!), name, "the classification query");
            await plan.Classification.ProbeAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            plan.MapClassification();
        }

        return plan;
    }

    private List<(TargetColumn, string)> MapColumns()
    {
        var present = Pass.Columns.ToHashSet(StringComparer.Ordinal);
        var result = new List<(TargetColumn, string)>();
        var missing = new List<MemberAssignment>();
        foreach (var binding in Transform.Bindings)
        {
            var member = binding.Member.Name;
            var column = Table.Column(member);
            if (present.Contains(member))
            {
                result.Add((column, member));
                continue;
            }

            var twin = Transform.Bindings.FirstOrDefault(other => other != binding && present.Contains(other.Member.Name)
                && ExpressionEqualityComparer.Instance.Equals(other.Expression, binding.Expression));
            if (twin is not null)
            {
                result.Add((column, twin.Member.Name));
                continue;
            }

            missing.Add(binding);
        }

        if (missing.Count > 0)
        {
            var members = string.Join("; ", missing.Select(b => $"{typeof(TTarget).Name}.{b.Member.Name} = {b.Expression}"));
            throw new TransformBuildException(
                $"Transform {Transform.Name}: EF Core would evaluate {(missing.Count == 1 ? "member" : "members")} {members} on the client: " +
                $"the generated SQL selects [{string.Join(", ", Pass.Columns)}] instead of one column per target member. " +
                "Use only translatable members (no user methods, no ToLowerInvariant, no culture or StringComparison overloads).");
        }

        return result;
    }

    /// <summary>
    /// Splits the classification query's columns by position: the quarantine query's columns first, then one column per
    /// target member the pass query selects, in map order (a twin reuses its kept member's column, as in
    /// <see cref="MapColumns"/>). Names alone cannot tell them apart: a member may carry the name of a source column.
    /// </summary>
    private void MapClassification()
    {
        var probe = Quarantine!.Columns;
        var columns = Classification!.Columns;
        var kept = Columns.Select(c => c.SourceColumn).Distinct(StringComparer.Ordinal).ToList();
        var members = columns.Skip(probe.Count).ToList();
        if (columns.Count != probe.Count + kept.Count || columns[0] != QuarantineProbe<TSource>.RuleColumn
            || kept.Zip(members).Any(m => !IsNamedFor(m.Second, m.First)))
        {
            throw new TransformBuildException(
                $"Transform {Transform.Name}: the classification query selects [{string.Join(", ", columns)}], not the quarantined row " +
                $"[{string.Join(", ", probe)}] followed by the members [{string.Join(", ", kept)}].");
        }

        RawRowColumns = probe.Skip(1).Select((key, i) => (key, i + 1)).ToList();
        ClassifiedColumns = Columns.Select(c => (c.Column, probe.Count + kept.IndexOf(c.SourceColumn))).ToList();
    }

    /// <summary>Whether EF Core named <paramref name="column"/> for <paramref name="member"/>: the name, or the name and a counter.</summary>
    private static bool IsNamedFor(string column, string member) =>
        column.StartsWith(member, StringComparison.Ordinal) && !column.AsSpan(member.Length).ContainsAnyExceptInRange('0', '9');

    private List<string> MapKeyColumns(DbContext source)
    {
        var present = Quarantine!.Columns.ToHashSet(StringComparer.Ordinal);
        if (!present.Contains(QuarantineProbe<TSource>.RuleColumn))
        {
            throw new TransformBuildException($"Transform {Transform.Name}: the quarantine query lost its rule column; the rules are not translatable.");
        }

        var entityType = source.Model.FindEntityType(typeof(TSource));
        var table = entityType?.GetTableName() is { } name ? StoreObjectIdentifier.Table(name, entityType.GetSchema()) : (StoreObjectIdentifier?)null;
        var keys = new List<string>();
        foreach (var member in Transform.KeyMembers)
        {
            var column = table is { } store ? entityType!.FindProperty(member.Name)?.GetColumnName(store) ?? member.Name : member.Name;
            if (!present.Contains(column))
            {
                throw new TransformBuildException(
                    $"Transform {Transform.Name}: key member {typeof(TSource).Name}.{member.Name} is not a column of the quarantined row " +
                    $"[{string.Join(", ", Quarantine.Columns)}].");
            }

            keys.Add(column);
        }

        return keys;
    }
}
