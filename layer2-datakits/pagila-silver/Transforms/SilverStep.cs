using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>One silver table: its upsert transform (with the quarantine rules) and its soft-delete transform.</summary>
internal sealed class SilverStep<TBronze, TSilver>(
    string table, Transform<TBronze, TSilver> upsert, Transform<TSilver, TSilver> delete, Func<TSilver, string> key) : ISilverStep
    where TBronze : class
    where TSilver : class
{
    public string Table { get; } = table;

    public Transform<TBronze, TSilver> Upsert { get; } = upsert;

    public Transform<TSilver, TSilver> Delete { get; } = delete;

    /// <summary>The silver row's key members joined by <c>|</c> (the format of the quarantine table's <c>row_key</c>).</summary>
    public Func<TSilver, string> Key { get; } = key;

    // The input ("bronze rows not yet applied") reads the target itself, so a count taken after the write would see nothing
    // left to apply: read = written + quarantined is guaranteed by the runner's single classifying expression instead.
    private static readonly TransformRunOptions s_options = new() { VerifyCounts = false };

    public async Task<PagilaSilverTableResult> RunAsync(
        TransformRunner runner, DbContext source, DbContext target, TransformContext context, CancellationToken cancellationToken)
    {
        var upserted = await runner.RunAsync(Upsert, source, target, context, s_options, cancellationToken).ConfigureAwait(false);
        var deleted = await runner.RunAsync(Delete, source, target, context, s_options, cancellationToken).ConfigureAwait(false);
        return new PagilaSilverTableResult(
            upserted.Table,
            upserted.RowsRead + deleted.RowsRead,
            upserted.RowsWritten + deleted.RowsWritten,
            upserted.RowsQuarantined,
            deleted.RowsWritten);
    }

    public PagilaSilverTableResult RunInMemory(InMemorySilverState state, TransformContext context)
    {
        var upserted = TransformRunner.RunInMemory(Upsert, state.Sources, context);
        state.Merge(upserted.Rows, Key);
        state.Quarantine(Upsert.Name, upserted.Quarantined.Select(q => (q.Key, q.Rule)));
        var deleted = TransformRunner.RunInMemory(Delete, state.Sources, context);
        state.Merge(deleted.Rows, Key);
        return new PagilaSilverTableResult(
            Table,
            upserted.RowsRead + deleted.RowsRead,
            upserted.Rows.Count + deleted.Rows.Count,
            upserted.Quarantined.Count,
            deleted.Rows.Count);
    }
}
