using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>
/// The foreign-key policy of batch loads, on the real Pagila dump. The first load writes 16,044 rental facts, a large
/// batch: the step drops the fact table's foreign keys, writes, and adds them back checked, taking ACCESS EXCLUSIVE on the
/// fact table, so a concurrent reader's next statement waits for the commit and never sees a partial batch. A small
/// incremental batch keeps the row-by-row checks and takes no lock that blocks readers: a reader keeps reading the
/// previous state while it runs.
/// </summary>
public sealed class GoldBulkWriteTests(PostgresServer server)
{
    private const string ForeignKeys = """
        SELECT string_agg(conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated, E'\n' ORDER BY conrelid::regclass::text, conname)
        FROM pg_constraint WHERE contype = 'f' AND connamespace = 'gl__pagila'::regnamespace
        """;

    private const string Indexes = """
        SELECT string_agg(indexdef, E'\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'gl__pagila'
        """;

    [Fact]
    public async Task A_large_first_load_restores_every_checked_foreign_key_and_index_and_readers_wait_for_the_whole_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var w = await GoldWarehouse.WithRealPagilaAsync(server, "gold_bulk_first", ct);
        var foreignKeys = await w.Warehouse.ScalarAsync<string>(ForeignKeys, ct);
        var indexes = await w.Warehouse.ScalarAsync<string>(Indexes, ct);
        Assert.Contains("fact_rental fk_fact_rental_dim_customer_customer_key FOREIGN KEY (customer_key)", foreignKeys, StringComparison.Ordinal);

        await using var reader = await w.Warehouse.OpenConnectionAsync(ct);
        await using var snapshot = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        Assert.Equal(0L, await CountAsync(reader, snapshot, ct));

        var run = w.RunPipelineAsync(false, null, ct);
        var waiting = await WaitForLockRequestAsync(w, "gl__pagila.fact_rental", "AccessExclusiveLock", run, ct);
        Assert.True(waiting, "the rental fact step should request ACCESS EXCLUSIVE on fact_rental for its large batch");
        Assert.Equal(0L, await CountAsync(reader, snapshot, ct));
        await snapshot.CommitAsync(ct);
        await run;

        Assert.Equal(16_044L, await w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct));
        Assert.Equal(foreignKeys, await w.Warehouse.ScalarAsync<string>(ForeignKeys, ct));
        Assert.DoesNotContain("validated=false", foreignKeys, StringComparison.Ordinal);
        Assert.Equal(indexes, await w.Warehouse.ScalarAsync<string>(Indexes, ct));
    }

    [Fact]
    public async Task A_small_incremental_batch_keeps_row_checks_and_a_concurrent_reader_keeps_reading_the_previous_state()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var w = await GoldWarehouse.WithRealPagilaAsync(server, "gold_bulk_small", ct);
        await w.RunPipelineAsync(false, null, ct);
        var foreignKeys = await w.Warehouse.ScalarAsync<string>(ForeignKeys, ct);
        await w.Source.ExecuteAsync("UPDATE rental SET return_date = NULL, last_update = now() WHERE rental_id IN (1, 2, 3)", ct);

        await using var reader = await w.Warehouse.OpenConnectionAsync(ct);
        await using var snapshot = await reader.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        Assert.Equal(0L, await ReturnedAsync(reader, snapshot, ct));

        // The reader holds ACCESS SHARE on the fact tables until it commits: a run that needed an exclusive lock would wait
        // for it and time out here.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await w.RunPipelineAsync(false, null, timeout.Token);

        Assert.Equal(0L, await ReturnedAsync(reader, snapshot, ct));
        await snapshot.CommitAsync(ct);
        Assert.Equal(3L, await w.Warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental WHERE rental_id IN (1, 2, 3) AND NOT is_returned", ct));
        Assert.Equal(foreignKeys, await w.Warehouse.ScalarAsync<string>(ForeignKeys, ct));
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM gl__pagila.fact_rental", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> ReturnedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM gl__pagila.fact_rental WHERE rental_id IN (1, 2, 3) AND NOT is_returned", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    // True once another session waits for the lock on the table; false when the run ends first.
    private static async Task<bool> WaitForLockRequestAsync(GoldWarehouse w, string table, string mode, Task run, CancellationToken ct)
    {
        while (!run.IsCompleted)
        {
            var waiting = await w.Warehouse.ScalarAsync<long>(
                $"SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'relation' AND relation = '{table}'::regclass AND mode = '{mode}'", ct);
            if (waiting > 0)
            {
                return true;
            }

            await Task.Delay(100, ct);
        }

        await run;
        return false;
    }
}
