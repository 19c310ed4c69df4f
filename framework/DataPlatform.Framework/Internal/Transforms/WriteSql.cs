namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The statements of a write step, in the order they run (see <see cref="TransformSql.Write{TSource, TTarget}"/>).
/// </summary>
/// <param name="Existing">Upsert: records the staged keys the target holds in <see cref="TransformSql.ExistingTable"/>.</param>
/// <param name="Counts">
/// Upsert: counts the staged rows whose key the target holds and, of those, the ones it holds as they are; the runner skips
/// the update when every held row is equal.
/// </param>
/// <param name="Update">Upsert: updates the held rows that differ (null when the map sets only key columns).</param>
/// <param name="Insert">Inserts the staged rows of the keys the target does not hold (every staged row for an insert).</param>
internal sealed record WriteSql(string? Existing, string? Counts, string? Update, string Insert)
{
    /// <summary>The statements as one script, for logs and reviews.</summary>
    public override string ToString() => string.Join(";\n", new[] { Existing, Counts, Update, Insert }.OfType<string>());
}
