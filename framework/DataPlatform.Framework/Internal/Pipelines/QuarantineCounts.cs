using DataPlatform.Framework.Internal.Transforms;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// The rows a batch quarantined per table and rule, read from <c>dataplatform.quarantine</c> inside the batch's own
/// transaction: every row the batch quarantined has one open entry whose <c>last_seen_batch_id</c> is the batch.
/// </summary>
internal static class QuarantineCounts
{
    private static readonly string s_sql = $"""
        SELECT table_name, rule, count(*) FROM {QuarantineTable.QualifiedName}
        WHERE last_seen_batch_id = @batch_id AND resolved_batch_id IS NULL AND table_name = ANY(@tables)
        GROUP BY table_name, rule
        """;

    /// <summary>Per table (<c>schema.table</c>), the quarantined rows per rule.</summary>
    public static async Task<Dictionary<string, Dictionary<string, long>>> ByRuleAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long batchId, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var command = new NpgsqlCommand(s_sql, connection, transaction)
        {
            Parameters = { new NpgsqlParameter<long>("batch_id", batchId), new NpgsqlParameter<string[]>("tables", [.. tables]) },
        };
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var table = reader.GetString(0);
                    if (!counts.TryGetValue(table, out var rules))
                    {
                        counts[table] = rules = new Dictionary<string, long>(StringComparer.Ordinal);
                    }

                    rules[reader.GetString(1)] = reader.GetInt64(2);
                }
            }
        }

        return counts;
    }
}
