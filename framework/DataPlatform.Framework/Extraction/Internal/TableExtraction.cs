using System.Diagnostics;
using DataPlatform.Framework.Internal.Pipelines;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// Extracts one table in one warehouse transaction: source binary COPY out → record hash → bronze binary COPY in, streamed
/// tuple by tuple without decoding the values (they arrive in the binary form bronze stores); then the delete rows for
/// keys gone from the source; then the ledger row.
/// </summary>
internal sealed class TableExtraction(
    BronzeTablePlan plan,
    NpgsqlDataSource source,
    NpgsqlDataSource warehouse,
    BatchLedger ledger,
    long batchId,
    bool fullRefresh,
    ILogger logger,
    DateTime cursorLimit,
    Func<CancellationToken, Task>? beforeCommit = null)
{
    private const string Layer = "bronze";

    public async Task<TableResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        var connection = await warehouse.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var last = await LockAndReadLastExtractionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var before = fullRefresh ? null : last?.Cursor;
                var cursor = ExtractionCursor.Parse(plan, before);
                cursor.LimitTo(cursorLimit);
                var predicate = cursor.Predicate();

                // Nothing to compare with before the first extraction. A full refresh compares every row with its key's latest
                // version, so it appends only what changed and rewrites nothing downstream that did not change.
                var latest = last is null ? null : await LatestHashesAsync(connection, predicate, cancellationToken).ConfigureAwait(false);
                ExtractionLog.TableStarting(logger, plan.Table, plan.Policy.ToString(), before ?? "(none)", fullRefresh, latest?.Count ?? 0);

                var (read, _, unchanged) = await CopyAsync(connection, predicate, cursor, latest, cancellationToken).ConfigureAwait(false);
                var deletesRecorded = last is null ? 0 : await RecordDeletesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

                // What the table now holds for this batch, counted by the server, not the rows this process meant to send.
                var (inserted, deleted) = await CountBatchRowsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                RowAccounting.RequireExtracted(batchId, plan.BronzeTableName, read, inserted, unchanged);
                if (deleted != deletesRecorded)
                {
                    throw new InvalidOperationException(
                        $"Batch {batchId}, table {plan.BronzeTableName}: the delete detection inserted {deletesRecorded} delete rows but the table holds {deleted} for the batch.");
                }

                await ExecuteAsync(connection, transaction, BronzeSql.SummarizeBrinIndexes, cancellationToken, ("table", plan.QualifiedBronze)).ConfigureAwait(false);
                if (cursor.RowsAfterLimit > 0)
                {
                    ExtractionLog.RowsAfterCursorLimit(logger, plan.Table, cursor.RowsAfterLimit, cursorLimit);
                }

                var after = cursor.Format() ?? before;
                var result = new TableResult(Layer, plan.Table, read, inserted + deleted, 0, clock.Elapsed)
                {
                    RowsInserted = inserted,
                    RowsDeleted = deleted,
                    RowsUnchanged = unchanged,
                    CursorBefore = before,
                    CursorAfter = after,
                };

                await ledger.RecordTableAsync(
                    batchId,
                    new BatchTableEntry
                    {
                        Layer = Layer,
                        TableName = plan.BronzeTableName,
                        SourceTable = plan.SourceTableName,
                        RowsRead = read,
                        RowsWritten = result.RowsWritten,
                        RowsUnchanged = unchanged,
                        WatermarkBefore = before,
                        WatermarkAfter = after,
                        StartedAt = startedAt,
                        FinishedAt = DateTime.UtcNow,
                    },
                    connection,
                    transaction,
                    cancellationToken).ConfigureAwait(false);
                if (beforeCommit is not null)
                {
                    await beforeCommit(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                ExtractionLog.TableFinished(logger, plan.Table, read, inserted, unchanged, deleted, clock.Elapsed.TotalSeconds);
                return result with { Elapsed = clock.Elapsed };
            }
        }
    }

    private async Task<(long Read, long Inserted, long Unchanged)> CopyAsync(
        NpgsqlConnection target, string? predicate, ExtractionCursor cursor, Dictionary<byte[], byte[]>? latest, CancellationToken cancellationToken)
    {
        var forwarder = new TupleForwarder(plan, cursor, latest, batchId);
        var sourceConnection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (sourceConnection.ConfigureAwait(false))
        {
            var output = await sourceConnection.BeginRawBinaryCopyAsync(BronzeSql.SourceCopy(plan, predicate), cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                var input = await target.BeginRawBinaryCopyAsync(BronzeSql.BronzeCopy(plan), cancellationToken).ConfigureAwait(false);
                await using (input.ConfigureAwait(false))
                {
                    var reader = new CopyTupleReader(output);
                    var writer = new CopyTupleWriter(input);
                    await using (writer.ConfigureAwait(false))
                    {
                        await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                        writer.WriteHeader();
                        while (!forwarder.ForwardBuffered(reader, writer))
                        {
                            await writer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
                            if (!await reader.FillAsync(cancellationToken).ConfigureAwait(false))
                            {
                                throw CopyTupleReader.Truncated();
                            }
                        }

                        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        return (forwarder.Read, forwarder.Inserted, forwarder.Unchanged);
    }

    // Deletes are detected on every run, full refresh included (it appends only changed rows, so this batch's rows are
    // not the source's keys): the source's keys are copied (binary, forwarded as they are) into a temporary table and
    // bronze's live keys are anti-joined with it.
    private async Task<long> RecordDeletesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, BronzeSql.CreateSourceKeys(plan), cancellationToken).ConfigureAwait(false);
        var sourceConnection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (sourceConnection.ConfigureAwait(false))
        {
            var output = await sourceConnection.BeginRawBinaryCopyAsync(BronzeSql.SourceKeyCopy(plan), cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                var input = await connection.BeginRawBinaryCopyAsync(BronzeSql.SourceKeysCopy(plan), cancellationToken).ConfigureAwait(false);
                await using (input.ConfigureAwait(false))
                {
                    await output.CopyToAsync(input, 1 << 18, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await ExecuteAsync(connection, transaction, $"ANALYZE {BronzeSql.SourceKeys}", cancellationToken).ConfigureAwait(false);

        // A freshly appended bronze table has no statistics: the planner then expects ~1 live key and picks a nested-loop
        // anti-join against every source key (quadratic). A hash anti-join is right at every size.
        await ExecuteAsync(connection, transaction, "SET LOCAL enable_nestloop = off", cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(connection, transaction, BronzeSql.RecordDeletes(plan), cancellationToken, ("batch", batchId)).ConfigureAwait(false);
    }

    private async Task<(long Upserts, long Deletes)> CountBatchRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(BronzeSql.CountBatchRows(plan), connection, transaction) { Parameters = { new NpgsqlParameter<long>("batch", batchId) } };
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return (reader.GetInt64(0), reader.GetInt64(1));
            }
        }
    }

    // Takes the table's lock, then reads its newest committed extraction (its ledger row committed with its data), in one
    // round trip. Bronze orders the versions of a row by batch id, so a batch may only append to a table that no batch
    // with the same or a higher id has extracted.
    private async Task<(long BatchId, string? Cursor)?> LockAndReadLastExtractionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(BronzeSql.LockTable) { Parameters = { new NpgsqlParameter("table", plan.BronzeTableName) } },
                new NpgsqlBatchCommand(BronzeSql.LastExtraction) { Parameters = { new NpgsqlParameter("table", plan.BronzeTableName) } },
            },
        };
        await using (batch.ConfigureAwait(false))
        {
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var last = (BatchId: reader.GetInt64(0), Cursor: reader.IsDBNull(1) ? null : reader.GetString(1));
                if (last.BatchId >= batchId)
                {
                    throw new InvalidOperationException(
                        $"Bronze table {plan.BronzeTableName} was already extracted by batch {last.BatchId}, so batch {batchId} cannot append to it: "
                        + "the versions of a bronze row are ordered by batch id, and each batch extracts a table at most once. Start a new batch.");
                }

                return last;
            }
        }
    }

    // Keys (as binary COPY field bytes) and hashes of the latest bronze versions a re-read row can equal.
    private async Task<Dictionary<byte[], byte[]>> LatestHashesAsync(NpgsqlConnection connection, string? predicate, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<byte[], byte[]>(ByteKeyComparer.Instance);
        var keyCount = plan.KeyColumns.Count;
        var output = await connection.BeginRawBinaryCopyAsync(BronzeSql.LatestHashes(plan, predicate), cancellationToken).ConfigureAwait(false);
        await using (output.ConfigureAwait(false))
        {
            var reader = new CopyTupleReader(output);
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            int length;
            while ((length = await reader.ReadTupleAsync(cancellationToken).ConfigureAwait(false)) >= 0)
            {
                var tuple = reader.Tuple(length);
                var hashOffset = reader.FieldOffsets[keyCount];
                hashes[tuple[2..hashOffset].ToArray()] = tuple.Slice(hashOffset + 4, CopyFields.FieldSize(tuple, hashOffset) - 4).ToArray();
                reader.Advance(length);
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
