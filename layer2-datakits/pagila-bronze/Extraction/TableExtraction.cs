using System.Diagnostics;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Loading;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// Extracts one table: source binary COPY out → record hash → bronze binary COPY in, streamed row by row, then (full
/// refresh) the delete rows, then the ledger row, all in one warehouse transaction.
/// </summary>
internal sealed class TableExtraction(
    BronzeTablePlan plan,
    NpgsqlDataSource source,
    NpgsqlDataSource warehouse,
    BatchLedger ledger,
    long batchId,
    PagilaBronzeOptions options,
    ILogger logger)
{
    private const string Upsert = "upsert";

    public async Task<PagilaBronzeTableResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var connection = await warehouse.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, BronzeSql.LockTable, cancellationToken, ("table", plan.BronzeTableName)).ConfigureAwait(false);

                var before = options.FullRefresh ? null : await ReadCursorAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var cursor = ExtractionCursor.Parse(plan, before);
                var predicate = cursor.Predicate(options.SafetyLag);
                var latest = cursor.WindowStart(options.SafetyLag) is { } since
                    ? await LatestHashesAsync(connection, transaction, since, cancellationToken).ConfigureAwait(false)
                    : null;
                ExtractorLog.TableStarting(logger, plan.Table, before ?? "(none)", options.FullRefresh, latest?.Count ?? 0);

                var loadedAt = DateTime.UtcNow;
                var (read, written, unchanged) = await CopyAsync(connection, predicate, cursor, latest, loadedAt, cancellationToken).ConfigureAwait(false);
                var deleted = options.FullRefresh
                    ? await ExecuteAsync(connection, transaction, BronzeSql.RecordDeletes(plan), cancellationToken, ("batch", batchId), ("loaded_at", loadedAt)).ConfigureAwait(false)
                    : 0;

                var after = cursor.Format() ?? before;
                var result = new PagilaBronzeTableResult
                {
                    Table = plan.Table,
                    BronzeTable = plan.BronzeTableName,
                    RowsRead = read,
                    RowsWritten = written + deleted,
                    RowsUnchanged = unchanged,
                    RowsDeleted = deleted,
                    CursorBefore = before,
                    CursorAfter = after,
                    Elapsed = clock.Elapsed,
                };

                await ledger.RecordTableAsync(
                    batchId,
                    new BatchTableEntry
                    {
                        Layer = "bronze",
                        TableName = plan.BronzeTableName,
                        RowsRead = read,
                        RowsWritten = result.RowsWritten,
                        WatermarkBefore = before,
                        WatermarkAfter = after,
                        StartedAt = startedAt,
                        FinishedAt = DateTime.UtcNow,
                    },
                    connection,
                    transaction,
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                ExtractorLog.TableFinished(logger, plan.Table, read, result.RowsWritten, unchanged, deleted, clock.Elapsed.TotalSeconds);
                return result;
            }
        }
    }

    private async Task<(long Read, long Written, long Unchanged)> CopyAsync(
        NpgsqlConnection target,
        string? predicate,
        ExtractionCursor cursor,
        Dictionary<long, byte[]>? latest,
        DateTime loadedAt,
        CancellationToken cancellationToken)
    {
        long read = 0, written = 0, unchanged = 0;
        var columns = plan.Columns;
        var values = new object?[columns.Count];

        var sourceConnection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (sourceConnection.ConfigureAwait(false))
        {
            var exporter = await sourceConnection.BeginBinaryExportAsync(BronzeSql.SourceCopy(plan, predicate), cancellationToken).ConfigureAwait(false);
            await using (exporter.ConfigureAwait(false))
            {
                var importer = await target.BeginBinaryImportAsync(BronzeSql.BronzeCopy(plan), cancellationToken).ConfigureAwait(false);
                await using (importer.ConfigureAwait(false))
                {
                    while (await exporter.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
                    {
                        for (var i = 0; i < columns.Count; i++)
                        {
                            values[i] = await columns[i].ReadAsync(exporter, cancellationToken).ConfigureAwait(false);
                        }

                        read++;
                        cursor.Observe(values);
                        var hash = RecordHash.Compute(values);
                        if (latest is not null && latest.TryGetValue(plan.KeyOf(values), out var previous) && previous.AsSpan().SequenceEqual(hash))
                        {
                            unchanged++;
                            continue;
                        }

                        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        for (var i = 0; i < columns.Count; i++)
                        {
                            await columns[i].WriteAsync(importer, values[i], cancellationToken).ConfigureAwait(false);
                        }

                        await importer.WriteAsync(batchId, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(loadedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(hash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(plan.SourceTableName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await importer.WriteAsync(Upsert, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        written++;
                    }

                    await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return (read, written, unchanged);
    }

    private async Task<string?> ReadCursorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(BronzeSql.LastCursor, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("table", plan.BronzeTableName);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    private async Task<Dictionary<long, byte[]>> LatestHashesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTime since, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<long, byte[]>();
        var command = new NpgsqlCommand(BronzeSql.LatestHashesInWindow(plan), connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("since", NpgsqlDbType.TimestampTz, since);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var keyCount = plan.KeyColumns.Count;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = keyCount == 1 ? reader.GetInt32(0) : ((long)reader.GetInt32(0) << 32) | (uint)reader.GetInt32(1);
                    hashes[key] = reader.GetFieldValue<byte[]>(keyCount);
                }
            }
        }

        return hashes;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
