namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The statements quarantining a step's failing rows, in the order they run (see
/// <see cref="TransformSql.Quarantine{TSource, TTarget}"/>).
/// </summary>
/// <param name="Collect">Collects the failing rows in <see cref="TransformSql.QuarantinedTable"/>; its row count is the rows quarantined.</param>
/// <param name="Update">Re-points the entries still open at this batch.</param>
/// <param name="Insert">Opens an entry for every other failing row.</param>
internal sealed record QuarantineSql(string Collect, string Update, string Insert)
{
    /// <summary>The statements as one script, for logs and reviews.</summary>
    public override string ToString() => string.Join(";\n", Collect, Update, Insert);
}
