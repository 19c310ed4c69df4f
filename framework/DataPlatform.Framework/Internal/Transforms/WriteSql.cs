namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The statements of a write step, in the order they run (see <see cref="TransformSql.Write{TSource, TTarget}"/>).
/// </summary>
/// <param name="Existing">Upsert: records the staged keys the target holds in <see cref="TransformSql.ExistingTable"/>.</param>
/// <param name="Update">Upsert: updates the held rows that differ (null when the map sets only key columns).</param>
/// <param name="Insert">Inserts the staged rows of the keys the target does not hold (every staged row for an insert).</param>
/// <param name="Unchanged">Upsert: counts the staged rows the target already holds as they are.</param>
internal sealed record WriteSql(string? Existing, string? Update, string Insert, string? Unchanged)
{
    /// <summary>The statements as one script, for logs and reviews.</summary>
    public override string ToString() => string.Join(";\n", new[] { Existing, Update, Insert, Unchanged }.OfType<string>());
}
