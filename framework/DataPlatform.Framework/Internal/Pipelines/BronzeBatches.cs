using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>What a silver step can know about its bronze table's batches before it reads it.</summary>
internal static class BronzeBatches
{
    /// <summary>
    /// Whether every row of <typeparamref name="TBronze"/>'s table belongs to one batch (or the table is empty). Then no
    /// row has a newer row of its key, so the newer-row probe of <see cref="AppliedTransform{TBronze, TTarget}"/> would
    /// remove nothing: a first load skips a hash anti-join of the table with itself. Reads until the first row of another
    /// batch, so a table with history answers after a few pages.
    /// </summary>
    public static async Task<bool> HoldOneBatchAsync<TBronze>(LayerExecution execution, CancellationToken cancellationToken)
    {
        var bronze = execution.Read.Model.FindEntityType(typeof(TBronze))
            ?? throw new InvalidOperationException($"{typeof(TBronze).Name} is not in the layer's read model.");
        var table = SqlIdentifier.Quote(bronze.GetSchema()!, bronze.GetTableName()!);
        var batch = SqlIdentifier.Quote(MixinColumns.BatchId);
        var statements = execution.Statements;
        var row = await statements.QueryRowAsync(
            $"SELECT NOT EXISTS (SELECT 1 FROM {table} WHERE {batch} <> (SELECT {batch} FROM {table} LIMIT 1))", [], cancellationToken)
            .ConfigureAwait(false);
        return row[0] == 1;
    }
}
