using Npgsql;

namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>Reads what a layer recorded in the ledger for a batch (rows and timing per table) as summary steps.</summary>
internal static class LedgerSteps
{
    /// <param name="order">Table names (without schema) in display order; tables not listed come last, by name.</param>
    public static async Task<IReadOnlyList<StepResult>> ReadAsync(
        NpgsqlDataSource warehouse, long batchId, string layer, IReadOnlyList<string> order, CancellationToken ct)
    {
        await using var command = warehouse.CreateCommand("""
            SELECT table_name, rows_read, rows_written, rows_quarantined, extract(epoch FROM finished_at - started_at)::float8
            FROM dataplatform.batch_table WHERE batch_id = @batch_id AND layer = @layer
            """);
        command.Parameters.AddWithValue("batch_id", batchId);
        command.Parameters.AddWithValue("layer", layer);
        var steps = new List<StepResult>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var table = reader.GetString(0);
                var name = table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..];
                steps.Add(new StepResult(layer, name, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), TimeSpan.FromSeconds(reader.GetDouble(4))));
            }
        }

        return steps
            .OrderBy(s => order.IndexOf(s.Table) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(s => s.Table, StringComparer.Ordinal)
            .ToList();
    }

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
