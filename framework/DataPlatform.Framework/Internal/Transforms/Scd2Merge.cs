using DataPlatform.Framework.Transforms;
using Npgsql;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The SCD type 2 merge, written once for every dimension. Given the new current state per natural key (the
/// transform's pass query, or the passing rows of its classification pass, staged once into a temporary table), in the run's
/// transaction:
/// <list type="number">
/// <item>current versions whose tracked columns differ are closed (<c>valid_to</c> = change time, <c>is_current</c> = false);</item>
/// <item>current versions whose key is no longer in the source are closed the same way, without a successor;</item>
/// <item>every staged key without a current version gets one: valid from <see cref="Scd2Options.BeginningOfTime"/> when the
/// key never had a version, else from the change time.</item>
/// </list>
/// Tracked columns are the mapped columns except the natural key, the validity columns and columns marked
/// <see cref="Mixins.ExcludeFromHistoryAttribute"/>. Unchanged keys are not touched; the partial unique index on the key
/// (filtered on the current flag) guarantees one current version per key.
/// </summary>
internal static class Scd2Merge
{
    private const string Stage = "pg_temp.dp_scd2_stage";

    public static async Task<Scd2Counts> ExecuteAsync<TSource, TTarget>(
        ServerPlan<TSource, TTarget> plan,
        Scd2Dimension dimension,
        DateTime changeTime,
        TransformSession session,
        CancellationToken cancellationToken)
        where TSource : class
        where TTarget : class
    {
        var name = plan.Transform.Name;
        var mapped = plan.Columns.Select(c => c.Column).ToList();
        if (mapped.Intersect(dimension.Validity).Any())
        {
            throw new TransformBuildException($"Transform {name}: the map of an SCD2 dimension must not set the validity columns; the merge maintains them.");
        }

        var missingKey = dimension.NaturalKey.Where(k => !mapped.Contains(k)).Select(k => k.Property).ToList();
        if (missingKey.Count > 0)
        {
            throw new TransformBuildException($"Transform {name}: the map does not set the natural key ({string.Join(", ", missingKey)}).");
        }

        TransformSql.RequireMandatoryColumns(name, dimension.Table, mapped, dimension.Validity);
        var table = dimension.Table.QualifiedName;
        var tracked = mapped.Where(c => !dimension.NaturalKey.Contains(c) && !c.ExcludedFromHistory).ToList();
        var keyMatch = (string left, string right) => string.Join(" AND ", dimension.NaturalKey.Select(k => $"{left}.{k.Quoted} = {right}.{k.Quoted}"));
        var touch = string.Concat(dimension.Table.TouchColumns.Select(c => $", {c.Quoted} = now()"));
        var close = $"{dimension.ValidTo.Quoted} = CAST(@dp_change_time AS {dimension.ValidTo.StoreType}), {dimension.IsCurrent.Quoted} = false{touch}";
        var current = dimension.IsCurrent.Quoted;
        var statements = session.Statements;
        var latest = (await statements.QueryRowAsync(Scd2ChangeTime.LatestBoundarySql(dimension), [], cancellationToken).ConfigureAwait(false))[0];
        changeTime = Scd2ChangeTime.After(changeTime, Scd2ChangeTime.FromEpochMicroseconds(latest), Scd2ChangeTime.IsDate(dimension));

        await statements.ExecuteAsync($"DROP TABLE IF EXISTS {Stage}", [], cancellationToken).ConfigureAwait(false);
        var staged = await InputStage.FillAsync(plan, Stage, statements, materialize: true, cancellationToken).ConfigureAwait(false);
        var duplicates = (await statements.QueryRowAsync(
            $"SELECT count(*) FROM (SELECT 1 FROM {Stage} GROUP BY {TransformSql.Join(dimension.NaturalKey)} HAVING count(*) > 1) AS d",
            [],
            cancellationToken).ConfigureAwait(false))[0];
        if (duplicates > 0)
        {
            throw new InvalidOperationException(
                $"Transform {name}: {duplicates} natural keys of {dimension.Table.DisplayName} appear more than once in the new state; deduplicate the input (LatestPerKey).");
        }

        await statements.ExecuteAsync($"ANALYZE {Stage}", [], cancellationToken).ConfigureAwait(false);

        // Keys whose current version already holds the staged values, counted before anything changes.
        var equal = tracked.Count == 0
            ? string.Empty
            : $" AND ({string.Join(", ", tracked.Select(c => "d." + c.Quoted))}) IS NOT DISTINCT FROM ({string.Join(", ", tracked.Select(c => "s." + c.Quoted))})";
        var unchanged = (await statements.QueryRowAsync(
            $"SELECT count(*) FROM {Stage} AS s WHERE EXISTS (SELECT 1 FROM {table} AS d WHERE d.{current} AND {keyMatch("d", "s")}{equal})",
            [],
            cancellationToken).ConfigureAwait(false))[0];

        if (tracked.Count > 0)
        {
            await statements.ExecuteAsync(
                $"""
                UPDATE {table} AS d SET {close}
                FROM {Stage} AS s
                WHERE d.{current} AND {keyMatch("d", "s")}
                  AND ({string.Join(", ", tracked.Select(c => "d." + c.Quoted))}) IS DISTINCT FROM ({string.Join(", ", tracked.Select(c => "s." + c.Quoted))})
                """,
                [ChangeTime(changeTime)],
                cancellationToken).ConfigureAwait(false);
        }

        var closed = await statements.ExecuteAsync(
            $"UPDATE {table} AS d SET {close} WHERE d.{current} AND NOT EXISTS (SELECT 1 FROM {Stage} AS s WHERE {keyMatch("s", "d")})",
            [ChangeTime(changeTime)],
            cancellationToken).ConfigureAwait(false);

        var columns = TransformSql.Join(mapped);
        var validity = $"{dimension.ValidFrom.Quoted}, {dimension.ValidTo.Quoted}, {current}";
        var from = $"CAST(@dp_change_time AS {dimension.ValidFrom.StoreType})";
        var beginning = $"CAST(@dp_beginning AS {dimension.ValidFrom.StoreType})";
        // The versions each key already has are read whole (the one-time count) before the first row is inserted: probing the
        // dimension per staged row re-scans the pages this INSERT adds whenever the planner takes the table for empty.
        var key = TransformSql.Join(dimension.NaturalKey);
        var inserted = await statements.QueryRowAsync(
            $"""
            WITH known AS MATERIALIZED (
                SELECT {key}, bool_or({current}) AS dp_current FROM {table} GROUP BY {key}),
            ins AS (
                INSERT INTO {table} ({columns}, {validity})
                SELECT {string.Join(", ", mapped.Select(c => "s." + c.Quoted))},
                       CASE WHEN k.dp_current IS NULL THEN {beginning} ELSE {from} END,
                       NULL, true
                FROM {Stage} AS s LEFT JOIN known AS k ON {keyMatch("k", "s")}
                WHERE k.dp_current IS NOT TRUE AND (SELECT count(*) FROM known) >= 0
                RETURNING {dimension.ValidFrom.Quoted} = {beginning} AS first_version)
            SELECT count(*) FILTER (WHERE first_version), count(*) FILTER (WHERE NOT first_version) FROM ins
            """,
            [ChangeTime(changeTime), new NpgsqlParameter<DateTime>("dp_beginning", Scd2Options.BeginningOfTime)],
            cancellationToken).ConfigureAwait(false);

        return new Scd2Counts(staged, inserted[0], inserted[1], closed, unchanged);
    }

    private static NpgsqlParameter<DateTime> ChangeTime(DateTime changeTime) => new("dp_change_time", changeTime);
}

/// <summary>Row counts of one SCD2 merge, each measured by its own statement.</summary>
internal sealed record Scd2Counts(long Staged, long FirstVersions, long NewVersions, long Closed, long Unchanged)
{
    /// <summary>Staged rows now represented in the dimension: a first version, a new version, or a current version kept as it was.</summary>
    public long Written => FirstVersions + NewVersions + Unchanged;
}
