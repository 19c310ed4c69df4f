namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The statements quarantining a step's failing rows, in the order they run (see
/// <see cref="TransformSql.Quarantine{TSource, TTarget}"/>). When the table had no open entry, the failing rows go straight
/// from the classified rows into the quarantine: nothing is collected and nothing re-pointed.
/// </summary>
/// <param name="Collect">Collects the failing rows in <see cref="TransformSql.QuarantinedTable"/>; its row count is the rows quarantined. Null when no entry was open.</param>
/// <param name="Update">Re-points the entries still open at this batch. Null when no entry was open.</param>
/// <param name="Insert">Opens an entry for every other failing row; without <paramref name="Collect"/>, its row count is the rows quarantined.</param>
/// <param name="QuarantinedTwice">
/// Without <paramref name="Collect"/>: whether the batch failed one key twice under one rule (1 or 0), which leaves an older
/// entry to resolve.
/// </param>
internal sealed record QuarantineSql(string? Collect, string? Update, string Insert, string? QuarantinedTwice)
{
    /// <summary>The statements as one script, for logs and reviews.</summary>
    public override string ToString() => string.Join(";\n", new[] { Collect, Update, Insert, QuarantinedTwice }.Where(s => s is not null));
}
