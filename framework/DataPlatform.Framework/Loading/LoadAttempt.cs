using System.Diagnostics;
using DataPlatform.Framework.Mixins;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// One attempt of one load on one connection and transaction: COPY (into the target or a staging table) and the
/// set-based statements of the mode. The caller owns commit and rollback.
/// </summary>
internal sealed class LoadAttempt<T>(EntityLoadPlan<T> plan, RowSource<T> source, BulkLoadOptions options, ILogger logger, Stopwatch clock)
{
    private static long s_stagingCounter;
    private readonly EntityTableMap _map = plan.Map;

    public async Task<LoadCounts> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = new BulkLoadSql(_map, "dp_load_" + Interlocked.Increment(ref s_stagingCounter).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (options.Mode == BulkLoadMode.Append)
        {
            var appended = await CopyAsync(connection, sql.CopyIntoTarget, cancellationToken).ConfigureAwait(false);
            return new LoadCounts(appended, appended, 0, 0, 0);
        }

        await ExecuteAsync(connection, transaction, sql.CreateStaging, cancellationToken).ConfigureAwait(false);
        var rows = await CopyAsync(connection, sql.CopyIntoStaging, cancellationToken).ConfigureAwait(false);
        LoadCounts counts;
        switch (options.Mode)
        {
            case BulkLoadMode.Upsert:
            {
                var (inserted, updated) = await UpsertAsync(connection, transaction, sql, reactivate: false, cancellationToken).ConfigureAwait(false);
                counts = new LoadCounts(rows, inserted, updated, 0, 0);
                break;
            }

            case BulkLoadMode.Sync:
            {
                var (inserted, updated) = await UpsertAsync(connection, transaction, sql, reactivate: true, cancellationToken).ConfigureAwait(false);
                var deactivated = await ExecuteAsync(connection, transaction, sql.DeactivateMissing(), cancellationToken).ConfigureAwait(false);
                counts = new LoadCounts(rows, inserted, updated, deactivated, 0);
                break;
            }

            case BulkLoadMode.Replace:
            {
                // DELETE, not TRUNCATE: TRUNCATE is not MVCC-safe (a reader whose snapshot predates it sees an empty table).
                var deleted = await ExecuteAsync(connection, transaction, sql.DeleteTarget, cancellationToken).ConfigureAwait(false);
                long inserted;
                if (_map.KeyColumns.Count > 0)
                {
                    (inserted, _) = await UpsertAsync(connection, transaction, sql, reactivate: false, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    inserted = await ExecuteAsync(connection, transaction, sql.InsertAll, cancellationToken).ConfigureAwait(false);
                }

                counts = new LoadCounts(rows, inserted, 0, 0, deleted);
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown bulk load mode.");
        }

        await ExecuteAsync(connection, transaction, sql.DropStaging, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    // The plain statement is fast; only when the input repeats a key (ON CONFLICT cannot touch a row twice: 21000) is it
    // rolled back to a savepoint and rerun with the last row per key.
    private async Task<(long Inserted, long Updated)> UpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BulkLoadSql sql, bool reactivate, CancellationToken cancellationToken)
    {
        const string Savepoint = "dp_upsert";
        await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await CountedUpsertAsync(connection, transaction, sql, deduplicate: false, reactivate, cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CardinalityViolation)
        {
            LoaderLog.Deduplicating(logger, _map.DisplayName);
            await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            return await CountedUpsertAsync(connection, transaction, sql, deduplicate: true, reactivate, cancellationToken).ConfigureAwait(false);
        }
    }

    // Inserted and updated rows come from the transaction's table counters (no per-row cost); only a server that does not
    // track counts gets the RETURNING form, which streams one boolean per written row.
    private async Task<(long Inserted, long Updated)> CountedUpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BulkLoadSql sql, bool deduplicate, bool reactivate, CancellationToken cancellationToken)
    {
        var before = await TransactionCountsAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
        if (!before.Tracked)
        {
            return await CountReturnedAsync(connection, transaction, sql.Upsert(deduplicate, reactivate, returning: true), cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, sql.Upsert(deduplicate, reactivate, returning: false), cancellationToken).ConfigureAwait(false);
        var after = await TransactionCountsAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
        return (after.Inserted - before.Inserted, after.Updated - before.Updated);
    }

    private async Task<(long Inserted, long Updated, bool Tracked)> TransactionCountsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BulkLoadSql sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql.TransactionCounts, connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds };
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return (reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2));
            }
        }
    }

    private async Task<long> CopyAsync(NpgsqlConnection connection, string copySql, CancellationToken cancellationToken)
    {
        var progress = new ProgressTracker(options.Progress, _map.DisplayName, options.ProgressRowInterval, clock);
        var writer = plan.Writer;
        var stamp = _map.IsBronzeRecord ? new BronzeStamp(options, _map.DisplayName) : null;
        long position = 0;
        T current = default!;
        try
        {
            var importer = await connection.BeginBinaryImportAsync(copySql, cancellationToken).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                // Rows go through Npgsql's buffered synchronous writes (a full 8 KB buffer is flushed inline): per-column
                // async state machines cost more than the rare flush blocks. The input itself is awaited when it is async.
                if (source.Sync is not null)
                {
                    foreach (var row in source.Sync())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        current = row;
                        position++;
                        stamp?.Apply(row);
                        importer.StartRow();
                        writer(importer, row);
                        if (progress.Enabled)
                        {
                            progress.Tick(position);
                        }
                    }
                }
                else
                {
                    await foreach (var row in source.Async!().WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        current = row;
                        position++;
                        stamp?.Apply(row);
                        importer.StartRow();
                        writer(importer, row);
                        if (progress.Enabled)
                        {
                            progress.Tick(position);
                        }
                    }
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RowValueException exception)
        {
            throw new BulkLoadException(_map.DisplayName, exception.Column, position, plan.DescribeKey(current), options.BatchId, exception.Message, exception);
        }
        catch (PostgresException exception) when (exception.SqlState != PostgresErrorCodes.QueryCanceled && !TransientErrors.IsTransient(exception))
        {
            var (line, column) = CopyErrorLocation.Parse(exception);
            var key = line is { } l ? plan.DescribeKey((await source.FindAsync(l, cancellationToken).ConfigureAwait(false))!) : null;
            throw new BulkLoadException(_map.DisplayName, column, line, key, options.BatchId, CopyErrorLocation.Reason(exception), exception);
        }
        catch (Exception exception) when (exception is InvalidCastException or ArgumentException or NotSupportedException or OverflowException)
        {
            throw new BulkLoadException(_map.DisplayName, null, position, plan.DescribeKey(current), options.BatchId, exception.Message, exception);
        }

        progress.Complete(position);
        return position;
    }

    // A cardinality violation (an upsert touching one key twice) passes through: UpsertAsync retries it deduplicated.
    private async Task<long> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds };
        await using (command.ConfigureAwait(false))
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (IsDataError(exception) && exception.SqlState != PostgresErrorCodes.CardinalityViolation)
        {
            throw new BulkLoadException(_map.DisplayName, exception.ColumnName, null, null, options.BatchId, CopyErrorLocation.Reason(exception), exception);
        }
    }

    private async Task<(long, long)> CountReturnedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds };
        await using (command.ConfigureAwait(false))
        try
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                long inserted = 0, updated = 0;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (reader.GetBoolean(0))
                    {
                        inserted++;
                    }
                    else
                    {
                        updated++;
                    }
                }

                return (inserted, updated);
            }
        }
        catch (PostgresException exception) when (IsDataError(exception) && exception.SqlState != PostgresErrorCodes.CardinalityViolation)
        {
            throw new BulkLoadException(_map.DisplayName, exception.ColumnName, null, null, options.BatchId, CopyErrorLocation.Reason(exception), exception);
        }
    }

    // Class 22 (data exception) and 23 (integrity constraint violation): the data is wrong, not the connection.
    private static bool IsDataError(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal) || exception.SqlState.StartsWith("23", StringComparison.Ordinal)
        || exception.SqlState == PostgresErrorCodes.CardinalityViolation;

    /// <summary>
    /// Stamps bronze records with the batch. The record hash is the extraction engine's (computed over the binary COPY
    /// form of the source columns); rows loaded through the loader keep the hash they carry.
    /// </summary>
    private sealed class BronzeStamp(BulkLoadOptions options, string table)
    {
        private readonly long _batchId = options.BatchId ?? throw new ArgumentException($"Loading bronze records into {table} needs BulkLoadOptions.BatchId.", nameof(options));

        public void Apply(T row) => ((IBronzeRecord)row!).DpBatchId = _batchId;
    }
}
