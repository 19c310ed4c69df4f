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

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends the session, which releases the lock.
        await _connection.DisposeAsync();
    }
}
