using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace DataPlatform.Framework.Ledger;

/// <summary>
/// The batch ledger in schema <c>dataplatform</c>: one <c>batch</c> row per pipeline run and one <c>batch_table</c> row
/// per table it touched. Table rows are written inside the caller's data transaction (<see cref="RecordTableAsync"/>),
/// so data without ledger, or ledger without data, cannot exist. While a batch runs, a dedicated session of this
/// ledger holds an advisory lock on it; when the process dies the lock goes with it, and
/// <see cref="MarkAbandonedBatchesFailedAsync"/> marks the batch failed.
/// </summary>
public sealed class BatchLedger : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, NpgsqlConnection> _owners = new();
    private readonly SemaphoreSlim _ownerGate = new(1, 1);

    /// <summary>Creates a ledger on <paramref name="dataSource"/> (the warehouse database).</summary>
    public BatchLedger(NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BatchLedger>();
    }

    /// <summary>
    /// Creates the ledger schema and tables when missing (idempotent, never drops anything). The same tables are deployed
    /// by <see cref="Schema.WarehouseSchema"/> with the rest of the warehouse; this is for hosts and tests that need the ledger only.
    /// </summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LedgerSql.SchemaLockKey)).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, LedgerSql.CreateAll, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether the ledger's tables exist in the database (a warehouse that never ran has none).</summary>
    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ScalarAsync(connection, null, LedgerSql.Exists, cancellationToken).ConfigureAwait(false) is true;
        }
    }

    /// <summary>Starts a batch: inserts a <c>running</c> row, committed at once, owned by this ledger until completed or failed.</summary>
    /// <returns>The new batch id.</returns>
    public async Task<long> StartBatchAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        var owner = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long batchId;
            var transaction = await owner.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                batchId = (long)(await ScalarAsync(owner, transaction, LedgerSql.StartBatch, cancellationToken, ("pipeline", pipeline)).ConfigureAwait(false))!;

                // Session-level lock taken before the row is visible, so no one can see the batch running without an owner.
                await ExecuteAsync(owner, transaction, LedgerSql.LockOwner, cancellationToken, ("class", LedgerSql.OwnerLockClass), ("object", LockObject(batchId))).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            _owners[batchId] = owner;
            LedgerLog.Started(_logger, batchId, pipeline);
            return batchId;
        }
        catch
        {
            await owner.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Makes <paramref name="batchId"/> the id of the next <see cref="StartBatchAsync"/>. Call it while holding the
    /// warehouse's run lock, so no other run starts a batch in between.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The id is not above the ledger's newest batch id or the newest batch id stamped on any row of the warehouse
    /// (<c>dp_batch_id</c>, <c>source_batch_id</c>), or it is beyond the range of the ledger's identity.
    /// </exception>
    public async Task ReserveBatchIdAsync(long batchId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchId);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var newest = (long)(await ScalarAsync(connection, null, LedgerSql.NewestBatchId, cancellationToken).ConfigureAwait(false))!;
            if (batchId <= newest)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(batchId), batchId, $"Batch id {batchId} is not above the newest batch id {newest} in the ledger.");
            }

            var maximum = (long)(await ScalarAsync(connection, null, LedgerSql.BatchIdMaximum, cancellationToken).ConfigureAwait(false))!;
            if (batchId > maximum)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(batchId), batchId, $"Batch id {batchId} is beyond the ledger's batch id range (at most {maximum}).");
            }

            foreach (var (query, table) in await ReadBatchColumnsAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                if (await ScalarAsync(connection, null, query, cancellationToken).ConfigureAwait(false) is long stamped && batchId <= stamped)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(batchId), batchId, $"Batch id {batchId} is not above batch id {stamped}, which rows of {table} already carry.");
                }
            }

            await ExecuteAsync(connection, null, LedgerSql.ReserveBatchId, cancellationToken, ("id", batchId)).ConfigureAwait(false);
        }
    }

    private static async Task<List<(string Query, string Table)>> ReadBatchColumnsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = new List<(string, string)>();
        var command = Command(connection, null, LedgerSql.BatchColumns);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        return columns;
    }

    /// <summary>
    /// Records one table of a batch INSIDE the caller's transaction (the one that wrote the data), so both commit or
    /// neither does. Recording the same table of the same batch again overwrites the row.
    /// </summary>
    public async Task RecordTableAsync(
        long batchId, BatchTableEntry entry, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(connection);
        var seconds = decimal.Round((decimal)(entry.FinishedAt - entry.StartedAt).TotalSeconds, 3);
        await ExecuteAsync(
            connection,
            transaction,
            LedgerSql.RecordTable,
            cancellationToken,
            ("batch_id", batchId),
            ("layer", entry.Layer),
            ("table_name", entry.TableName),
            ("rows_read", entry.RowsRead),
            ("rows_written", entry.RowsWritten),
            ("rows_quarantined", entry.RowsQuarantined),
            ("rows_unchanged", entry.RowsUnchanged),
            ("watermark_before", (object?)entry.WatermarkBefore ?? DBNull.Value),
            ("watermark_after", (object?)entry.WatermarkAfter ?? DBNull.Value),
            ("started_at", entry.StartedAt),
            ("finished_at", entry.FinishedAt),
            ("seconds", seconds),
            ("source_table", (object?)entry.SourceTable ?? DBNull.Value)).ConfigureAwait(false);
    }

    /// <summary>Marks a running batch succeeded.</summary>
    /// <exception cref="InvalidOperationException">The batch is not running.</exception>
    public Task CompleteBatchAsync(long batchId, CancellationToken cancellationToken = default) =>
        FinishAsync(batchId, BatchStatus.Succeeded, null, cancellationToken);

    /// <summary>Marks a running batch failed with <paramref name="error"/>.</summary>
    /// <exception cref="InvalidOperationException">The batch is not running.</exception>
    public Task FailBatchAsync(long batchId, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return FinishAsync(batchId, BatchStatus.Failed, error, cancellationToken);
    }

    /// <summary>
    /// Marks running batches whose owner is gone (its process was killed or lost its connection) as failed.
    /// Batches still owned by a live ledger are left alone.
    /// </summary>
    /// <returns>The ids of the batches marked failed.</returns>
    public async Task<IReadOnlyList<long>> MarkAbandonedBatchesFailedAsync(CancellationToken cancellationToken = default)
    {
        var ids = new List<long>();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = Command(connection, transaction, LedgerSql.MarkAbandoned, ("class", LedgerSql.OwnerLockClass));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            ids.Add(reader.GetInt64(0));
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var id in ids)
        {
            LedgerLog.Abandoned(_logger, id);
        }

        return ids;
    }

    /// <summary>The tables batch <paramref name="batchId"/> recorded so far (committed ones), in the ledger's order.</summary>
    public async Task<IReadOnlyList<BatchTable>> GetBatchTablesAsync(long batchId, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadTablesAsync(connection, [batchId], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last <paramref name="count"/> batches (newest first) with their tables, optionally of one pipeline.</summary>
    public async Task<IReadOnlyList<Batch>> GetRecentBatchesAsync(int count, string? pipeline = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var batches = new List<Batch>();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, LedgerSql.RecentBatches, ("pipeline", (object?)pipeline ?? DBNull.Value), ("count", count));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        batches.Add(new Batch
                        {
                            BatchId = reader.GetInt64(0),
                            Pipeline = reader.GetString(1),
                            StartedAt = reader.GetDateTime(2),
                            FinishedAt = reader.IsDBNull(3) ? null : reader.GetDateTime(3),
                            Status = reader.GetString(4),
                            Error = reader.IsDBNull(5) ? null : reader.GetString(5),
                        });
                    }
                }
            }

            if (batches.Count == 0)
            {
                return batches;
            }

            var byId = batches.ToDictionary(b => b.BatchId);
            foreach (var table in await ReadTablesAsync(connection, [.. byId.Keys], cancellationToken).ConfigureAwait(false))
            {
                byId[table.BatchId].Tables.Add(table);
            }
        }

        return batches;
    }

    /// <summary>
    /// The incremental cursor to continue from: <c>watermark_after</c> of the table's row in the newest succeeded batch
    /// of <paramref name="pipeline"/>; null when the table was never loaded successfully.
    /// </summary>
    public async Task<string?> GetLastWatermarkAsync(string pipeline, string layer, string tableName, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var value = await ScalarAsync(connection, null, LedgerSql.LastWatermark, cancellationToken, ("pipeline", pipeline), ("layer", layer), ("table_name", tableName)).ConfigureAwait(false);
            return value as string;
        }
    }

    /// <summary>
    /// Throws unless this ledger still owns running batch <paramref name="batchId"/>: its owner session is alive and holds
    /// the batch's advisory lock. A dropped owner session lets the next run mark the batch abandoned and start its own, so
    /// nothing of this batch may be committed after that.
    /// </summary>
    /// <exception cref="InvalidOperationException">The batch is not owned here, or its lock is gone.</exception>
    /// <exception cref="NpgsqlException">The owner session's connection is broken.</exception>
    public async Task EnsureOwnedAsync(long batchId, CancellationToken cancellationToken = default)
    {
        if (!_owners.TryGetValue(batchId, out var owner))
        {
            throw new InvalidOperationException($"Batch {batchId} is not owned by this ledger (never started here, or already finished).");
        }

        bool held;
        await _ownerGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            held = await ScalarAsync(owner, null, LedgerSql.HoldsOwnerLock, cancellationToken, ("class", LedgerSql.OwnerLockClass), ("object", LockObject(batchId))).ConfigureAwait(false) is true;
        }
        finally
        {
            _ownerGate.Release();
        }

        if (!held)
        {
            throw new InvalidOperationException($"Batch {batchId} lost its owner lock: another run may have taken over, so nothing more of it is committed.");
        }
    }

    /// <summary>Deletes the quarantine entries resolved longer than <paramref name="retention"/> ago; returns how many.</summary>
    public async Task<int> PurgeResolvedQuarantineAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, TimeSpan.Zero);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExecuteAsync(connection, null, LedgerSql.PurgeResolvedQuarantine, cancellationToken, ("seconds", retention.TotalSeconds)).ConfigureAwait(false);
        }
    }

    /// <summary>The open quarantine entries per target table and rule: what the rows that still fail are waiting for.</summary>
    public async Task<IReadOnlyList<OpenQuarantine>> GetOpenQuarantineAsync(CancellationToken cancellationToken = default)
    {
        var open = new List<OpenQuarantine>();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, LedgerSql.OpenQuarantine);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        open.Add(new OpenQuarantine(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
                    }
                }
            }
        }

        return open;
    }

    /// <summary>
    /// The rows that still fail a rule (open quarantine entries) in tables of <paramref name="schemas"/>, optionally of one
    /// table (<c>schema.table</c> or the table name alone) and one rule; at most <paramref name="limit"/>, by table, rule and age.
    /// </summary>
    public async Task<IReadOnlyList<QuarantinedRow>> GetOpenQuarantinedRowsAsync(
        IReadOnlyCollection<string> schemas, string? table, string? rule, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schemas);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = new List<QuarantinedRow>();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(
                connection,
                null,
                LedgerSql.OpenQuarantineRows,
                ("schemas", schemas.ToArray()),
                ("table", (object?)table ?? DBNull.Value),
                ("rule", (object?)rule ?? DBNull.Value),
                ("limit", limit));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add(new QuarantinedRow(
                            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5), reader.GetInt64(6)));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>The source database <paramref name="pipeline"/> was loaded from; null before its first batch.</summary>
    public async Task<SourceIdentity?> GetSourceIdentityAsync(string pipeline, CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, LedgerSql.SourceIdentityOf, ("pipeline", pipeline));
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return new SourceIdentity
                    {
                        Pipeline = pipeline,
                        SystemIdentifier = reader.GetString(0),
                        DatabaseName = reader.GetString(1),
                        BatchId = reader.GetInt64(2),
                        RecordedAt = reader.GetDateTime(3),
                    };
                }
            }
        }
    }

    /// <summary>Records (or replaces) the source database of <see cref="SourceIdentity.Pipeline"/>, as read by <see cref="ReadSourceIdentityAsync"/>.</summary>
    public async Task RecordSourceIdentityAsync(SourceIdentity identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await ExecuteAsync(
                connection,
                null,
                LedgerSql.RecordSourceIdentity,
                cancellationToken,
                ("pipeline", identity.Pipeline),
                ("system_identifier", identity.SystemIdentifier),
                ("database_name", identity.DatabaseName),
                ("batch_id", identity.BatchId)).ConfigureAwait(false);
        }
    }

    /// <summary>The identity of the database <paramref name="source"/> connects to, for pipeline <paramref name="pipeline"/>.</summary>
    public static async Task<SourceIdentity> ReadSourceIdentityAsync(NpgsqlDataSource source, string pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, LedgerSql.ReadSourceIdentity);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return new SourceIdentity { Pipeline = pipeline, SystemIdentifier = reader.GetString(0), DatabaseName = reader.GetString(1) };
                }
            }
        }
    }

    /// <summary>Releases the sessions that own running batches (their batches then count as abandoned).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _owners.Keys.ToList())
        {
            if (_owners.TryRemove(id, out var owner))
            {
                await owner.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task FinishAsync(long batchId, string status, string? error, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var updated = await ExecuteAsync(
                connection, null, LedgerSql.FinishBatch, cancellationToken, ("status", status), ("error", (object?)error ?? DBNull.Value), ("batch_id", batchId)).ConfigureAwait(false);
            if (updated == 0)
            {
                throw new InvalidOperationException($"Batch {batchId} is not running (unknown, already finished, or marked abandoned).");
            }
        }

        if (_owners.TryRemove(batchId, out var owner))
        {
            await using (owner.ConfigureAwait(false))
            {
                await ExecuteAsync(owner, null, LedgerSql.UnlockOwner, cancellationToken, ("class", LedgerSql.OwnerLockClass), ("object", LockObject(batchId))).ConfigureAwait(false);
            }
        }

        LedgerLog.Finished(_logger, batchId, status);
    }

    private static int LockObject(long batchId) => (int)(batchId % int.MaxValue);

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is long[] array
                ? new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = array }
                : new NpgsqlParameter(name, value));
        }

        return command;
    }

    private static async Task<List<BatchTable>> ReadTablesAsync(NpgsqlConnection connection, long[] batchIds, CancellationToken cancellationToken)
    {
        var tables = new List<BatchTable>();
        var command = Command(connection, null, LedgerSql.TablesOfBatches, ("ids", batchIds));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tables.Add(new BatchTable
                    {
                        BatchId = reader.GetInt64(0),
                        Layer = reader.GetString(1),
                        TableName = reader.GetString(2),
                        RowsRead = reader.GetInt64(3),
                        RowsWritten = reader.GetInt64(4),
                        RowsQuarantined = reader.GetInt64(5),
                        WatermarkBefore = reader.IsDBNull(6) ? null : reader.GetString(6),
                        WatermarkAfter = reader.IsDBNull(7) ? null : reader.GetString(7),
                        StartedAt = reader.GetDateTime(8),
                        FinishedAt = reader.GetDateTime(9),
                        Seconds = reader.GetDecimal(10),
                        SourceTable = reader.IsDBNull(11) ? null : reader.GetString(11),
                        RowsUnchanged = reader.GetInt64(12),
                    });
                }
            }
        }

        return tables;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
