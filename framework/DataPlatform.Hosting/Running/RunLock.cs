using Npgsql;

namespace DataPlatform.Hosting.Running;

/// <summary>
/// A pipeline's run lock in its warehouse database: a session-level <c>pg_try_advisory_lock</c> on a key derived from the
/// pipeline name, held on a dedicated, unpooled connection for the whole run. PostgreSQL releases it when the connection
/// ends, so a killed run never leaves it behind. Warehouses sharing one database (one ledger, separate schemas) take
/// different keys, so their runs may overlap: they share only append-only ledger and quarantine rows, deploys wait for
/// each other (the deployer's own lock), and abandoned batches are recognised by their owner's lock, not by the pipeline.
/// </summary>
internal sealed class RunLock : IAsyncDisposable
{
    /// <summary>
    /// The advisory lock key of <paramref name="pipeline"/>: the first 8 bytes of <c>"&lt;pipeline&gt;-warehouse run"</c> (UTF-8) as a
    /// big-endian bigint, so Pagila keeps the key older hosts took (<c>0x7061_6769_6C61_2D77</c>, "pagila-w"). Two pipelines whose
    /// names share their first 8 characters share the key: their runs then exclude each other, which is safe.
    /// </summary>
    public static long KeyFor(string pipeline)
    {
        Span<byte> key = stackalloc byte[8];
        key.Clear();
        var bytes = System.Text.Encoding.UTF8.GetBytes(pipeline + "-warehouse run");
        bytes.AsSpan(0, Math.Min(8, bytes.Length)).CopyTo(key);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(key);
    }

    private readonly NpgsqlConnection _connection;
    private readonly long _key;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RunLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>Tries to take the lock; returns <c>null</c> when another session holds it.</summary>
    public static async Task<RunLock?> TryAcquireAsync(string warehouseConnectionString, string pipeline, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(warehouseConnectionString)
        {
            Pooling = false,
            ApplicationName = "dataplatform run lock",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", KeyFor(pipeline));
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new RunLock(connection, KeyFor(pipeline));
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>
    /// Throws unless the lock's session is alive and still holds the lock. A run calls it before every commit: if the session
    /// was dropped, another run may already be running, and this one must fail instead of committing.
    /// </summary>
    public async Task EnsureHeldAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted "
                + "AND ((classid::bigint << 32) | objid::bigint) = @key AND objsubid = 1)",
                _connection);
            command.Parameters.AddWithValue("key", _key);
            if (await command.ExecuteScalarAsync(ct) is not true)
            {
                throw new InvalidOperationException("The warehouse's run lock was lost; another run may have started, so this run commits nothing more.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends the session, which releases the lock.
        await _connection.DisposeAsync();
    }
}
