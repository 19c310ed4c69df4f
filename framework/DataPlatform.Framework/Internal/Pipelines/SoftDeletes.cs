using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// Source deletes become soft deletes, derived from the key: an active target row whose latest bronze row is a
/// <c>delete</c> of a batch newer than the row's <c>source_batch_id</c> gets <c>inactivated_date</c> = the run time and
/// <c>source_batch_id</c> = that batch; its other values stay as they were. With a <see cref="BronzeWindow"/> only deletes of
/// the batches after its watermark count (older ones were applied), and the newer-row probe starts there too.
/// </summary>
internal static class SoftDeletes
{
    public static async Task<long> ExecuteAsync<TBronze, TTarget>(
        LayerExecution execution, IReadOnlyList<string> keys, BronzeWindow? window, CancellationToken cancellationToken)
    {
        var bronze = execution.Read.Model.FindEntityType(typeof(TBronze))
            ?? throw new InvalidOperationException($"{typeof(TBronze).Name} is not in the layer's read model.");
        var store = StoreObjectIdentifier.Table(bronze.GetTableName()!, bronze.GetSchema());
        var bronzeTable = SqlIdentifier.Quote(bronze.GetSchema()!, bronze.GetTableName()!);
        string BronzeColumn(string property) => SqlIdentifier.Quote(bronze.FindProperty(property)!.GetColumnName(store)!);
        var target = TargetTable.For(execution.Target, typeof(TTarget));
        string TargetColumn(string property) => target.Column(property).Quoted;

        var deleteMatch = string.Join(" AND ", keys.Select(k => $"s.{TargetColumn(k)} = d.{BronzeColumn(k)}"));
        var newerMatch = string.Join(" AND ", keys.Select(k => $"n.{BronzeColumn(k)} = d.{BronzeColumn(k)}"));
        var batch = SqlIdentifier.Quote(MixinColumns.BatchId);
        var (deleteWindow, newerWindow) = window is null
            ? (string.Empty, string.Empty)
            : ($" AND d.{batch} > @after AND d.{batch} <= @through", $" AND n.{batch} > @after");
        var sql = $"""
            UPDATE {target.QualifiedName} AS s
            SET {TargetColumn(nameof(IReferenceData.InactivatedDate))} = @run_time, {TargetColumn(nameof(IHasSourceBatch.SourceBatchId))} = d.{batch}
            FROM {bronzeTable} AS d
            WHERE d.{SqlIdentifier.Quote(MixinColumns.Operation)} = 'delete' AND {deleteMatch}{deleteWindow}
              AND s.{TargetColumn(nameof(IReferenceData.InactivatedDate))} IS NULL AND d.{batch} > s.{TargetColumn(nameof(IHasSourceBatch.SourceBatchId))}
              AND NOT EXISTS (SELECT 1 FROM {bronzeTable} AS n WHERE {newerMatch} AND n.{batch} > d.{batch}{newerWindow})
            """;
        var command = new NpgsqlCommand(sql, execution.Connection, execution.Transaction);
        await using (command.ConfigureAwait(false))
        {
            if (execution.Read.Database.GetCommandTimeout() is { } timeout)
            {
                command.CommandTimeout = timeout;
            }

            command.Parameters.Add(new NpgsqlParameter<DateTime>("run_time", execution.Context.RunTimeUtc));
            if (window is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<long>("after", window.After));
                command.Parameters.Add(new NpgsqlParameter<long>("through", window.Through));
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The same over in-memory rows: mutates the matching target rows of <paramref name="state"/>.</summary>
    public static long Apply<TBronze, TTarget>(InMemoryLayerState state, IReadOnlyList<string> keys, TransformContext context)
        where TBronze : class, IBronzeRecord
        where TTarget : class, IHasSourceBatch, IReferenceData
    {
        var bronzeKey = RowKeys.Of<TBronze>(keys);
        var latest = state.Sources.Set<TBronze>().AsEnumerable()
            .GroupBy(bronzeKey, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.DpBatchId)!)
            .Where(r => r.DpOperation == BronzeOperation.Delete)
            .ToDictionary(bronzeKey, StringComparer.Ordinal);
        var targetKey = RowKeys.Of<TTarget>(keys);
        long deleted = 0;
        foreach (var row in state.Rows<TTarget>())
        {
            if (row.InactivatedDate is null && latest.TryGetValue(targetKey(row), out var delete) && delete.DpBatchId > row.SourceBatchId)
            {
                row.InactivatedDate = context.RunTimeUtc;
                row.SourceBatchId = delete.DpBatchId;
                deleted++;
            }
        }

        return deleted;
    }
}
