namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Fills a write step's stage with the rows that pass the rules, from the pass query or from the classification pass.</summary>
internal static class InputStage
{
    /// <summary>
    /// Runs <see cref="TransformSql.Stage"/> into <paramref name="stage"/> and returns the staged rows (the command tag); for a
    /// transform with rules, then drops <see cref="TransformSql.ClassifiedTable"/>, which holds nothing else a step reads.
    /// </summary>
    public static async Task<long> FillAsync<TSource, TTarget>(
        ServerPlan<TSource, TTarget> plan, string stage, TransformStatement statements, CancellationToken cancellationToken)
        where TSource : class
        where TTarget : class
    {
        if (plan.Classification is null)
        {
            return await statements.ExecuteCountingAsync(TransformSql.Stage(plan, stage), plan.Pass.CloneParameters(), cancellationToken).ConfigureAwait(false);
        }

        var staged = await statements.ExecuteCountingAsync(TransformSql.Stage(plan, stage), [], cancellationToken).ConfigureAwait(false);
        await statements.ExecuteAsync("DROP TABLE " + TransformSql.ClassifiedTable, [], cancellationToken).ConfigureAwait(false);
        return staged;
    }
}
