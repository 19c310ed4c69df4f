using Npgsql;

namespace DataPlatform.Hosting.Running;

/// <summary>
/// The warehouse's run lock: a session-level <c>pg_try_advisory_lock</c> on a fixed key, held on a dedicated,
/// unpooled connection for the whole run. PostgreSQL releases it when the connection ends, so a killed run
/// never leaves it behind.
/// </summary>
internal sealed class RunLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: the first 8 bytes of "pagila-warehouse run" as a big-endian bigint (stable forever: older hosts take the same lock).</summary>
    public const long Key = 0x7061_6769_6C61_2D77;

    private readonly NpgsqlConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RunLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Tries to take the lock; returns <c>null</c> when another session holds it.</summary>
    public static async Task<RunLock?> TryAcquireAsync(string warehouseConnectionString, CancellationToken ct)
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
            command.Parameters.AddWithValue("key", Key);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new RunLock(connection);
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
            command.Parameters.AddWithValue("key", Key);
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
