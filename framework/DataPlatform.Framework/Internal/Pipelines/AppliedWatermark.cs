using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Mixins;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// How far bronze was applied to a silver table, kept in the table's ledger row (<c>watermark_after</c>), which commits in the
/// same transaction as the table's data: "bronze applied through batch N into the table whose file node was F". Any
/// committed row counts, also one of a batch a later layer failed: its silver data committed with it. The watermark is void
/// (the step reads all of bronze) when the table's file node changed since (truncated, restored, recreated), when no valid
/// watermark was recorded, or when the running batch is not newer.
/// </summary>
internal sealed record AppliedWatermark(
    [property: JsonPropertyName("bronze_applied_through")] long AppliedThrough,
    [property: JsonPropertyName("target_filenode")] long TargetFileNode)
{
    private static readonly string s_readSql = $"""
        SELECT ({LedgerSql.LastTableWatermark}),
               ({LedgerSql.FileNode}),
               (SELECT count(*) FROM {QuarantineTable.QualifiedName}
                WHERE table_name = @table AND resolved_batch_id IS NULL AND raw_row ->> '{MixinColumns.BatchId}' IS NULL)
        """;

    public string Format() => JsonSerializer.Serialize(this);

    /// <summary>
    /// The recorded watermark of <paramref name="target"/> (as text, for the ledger's <c>watermark_before</c>) and the bronze
    /// window it allows, or a null window when it is void.
    /// </summary>
    public static async Task<(string? Before, BronzeWindow? Window)> ReadAsync(LayerExecution execution, TargetTable target, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(s_readSql, execution.Connection, execution.Transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<string>("layer", execution.Layer),
                new NpgsqlParameter<string>("table", target.DisplayName),
                new NpgsqlParameter<string>("relation", target.QualifiedName),
            },
        };
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var before = reader.IsDBNull(0) ? null : reader.GetString(0);
                var fileNode = reader.GetInt64(1);
                var unknownBatches = reader.GetInt64(2);
                var batch = execution.Context.BatchId;

                // An open entry whose raw row does not name its bronze batch cannot be told from a newer row: read everything.
                return Parse(before) is { } recorded && recorded.TargetFileNode == fileNode && recorded.AppliedThrough < batch && unknownBatches == 0
                    ? (before, new BronzeWindow(recorded.AppliedThrough, batch, target.DisplayName))
                    : (before, null);
            }
        }
    }

    /// <summary>The watermark to record once the step's writes are done: applied through the running batch.</summary>
    public static async Task<AppliedWatermark> AfterAsync(LayerExecution execution, TargetTable target, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(LedgerSql.FileNode, execution.Connection, execution.Transaction)
        {
            Parameters = { new NpgsqlParameter<string>("relation", target.QualifiedName) },
        };
        await using (command.ConfigureAwait(false))
        {
            var fileNode = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            return new AppliedWatermark(execution.Context.BatchId, fileNode);
        }
    }

    private static AppliedWatermark? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<AppliedWatermark>(text) is { AppliedThrough: > 0, TargetFileNode: > 0 } watermark ? watermark : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
