namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>Fills a write step's stage with the rows that pass the rules, from the pass query or from the classification pass.</summary>
internal static class InputStage
{
    /// <summary>
    /// Runs <see cref="TransformSql.Stage"/> into <paramref name="stage"/> and returns the staged rows. Of a transform with
    /// rules, the stage is a temporary view of the classified rows that pass (<paramref name="materialize"/> copies them
    /// into a table instead, which can be analyzed, and drops <see cref="TransformSql.ClassifiedTable"/>): the classification
    /// pass already read the input whole, and copying every passing row again cost 0.3-0.5 s per large table at Pagila x30.
    /// <see cref="DropAsync"/> removes the stage.
    /// </summary>
    public static async Task<long> FillAsync<TSource, TTarget>(
        ServerPlan<TSource, TTarget> plan, string stage, TransformStatement statements, bool materialize, CancellationToken cancellationToken)
        where TSource : class
        where TTarget : class
    {
        if (plan.Classification is null)
        {
            return await statements.ExecuteCountingAsync(TransformSql.Stage(plan, stage), plan.Pass.CloneParameters(), cancellationToken).ConfigureAwait(false);
        }

        if (!materialize)
        {
            await statements.ExecuteAsync(TransformSql.Stage(plan, stage), [], cancellationToken).ConfigureAwait(false);
            return (await statements.QueryRowAsync($"SELECT count(*) FROM {stage}", [], cancellationToken).ConfigureAwait(false))[0];
        }

        var staged = await statements.ExecuteCountingAsync(TransformSql.Stage(plan, stage, materialize: true), [], cancellationToken).ConfigureAwait(false);
        await statements.ExecuteAsync("DROP TABLE " + TransformSql.ClassifiedTable, [], cancellationToken).ConfigureAwait(false);
        return staged;
    }

    /// <summary>
    /// Drops a stage <see cref="FillAsync"/> filled without <c>materialize</c>, and the classified rows behind it: the layer's
    /// steps share one transaction, and the next step creates a stage of the same name.
    /// </summary>
    public static async Task DropAsync<TSource, TTarget>(
        ServerPlan<TSource, TTarget> plan, string stage, TransformStatement statements, CancellationToken cancellationToken)
        where TSource : class
        where TTarget : class
    {
        await statements.ExecuteAsync(
            plan.Classification is null ? "DROP TABLE " + stage : $"DROP VIEW {stage}; DROP TABLE {TransformSql.ClassifiedTable}",
            [],
            cancellationToken).ConfigureAwait(false);
    }
}
