using DataPlatform.Framework.Internal.Transforms;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>
/// A run's session raises work_mem to at least 64MB and turns JIT off, for its transaction only, and never lowers a higher
/// work_mem.
/// </summary>
public sealed class TransformSessionTests(PostgresServer server) : IAsyncLifetime
{
    private TfxDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TfxDatabase.CreateAsync(server, "tfx_session", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("4MB", "64MB")]
    [InlineData("256MB", "256MB")]
    public async Task Work_mem_is_at_least_64MB_in_the_runs_own_transaction_only(string configured, string inRun)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bronze = _db.Bronze();
        await bronze.Database.OpenConnectionAsync(ct);
        await bronze.Database.ExecuteSqlAsync($"SELECT set_config('work_mem', {configured}, false), set_config('jit', 'on', false)", ct);

        var session = await TransformSession.OpenAsync(bronze, ct);
        await using (session)
        {
            Assert.Equal(inRun, await Show("work_mem", session.Connection, session.Transaction, ct));
            Assert.Equal("off", await Show("jit", session.Connection, session.Transaction, ct));
        }

        var connection = (NpgsqlConnection)bronze.Database.GetDbConnection();
        Assert.Equal(configured, await Show("work_mem", connection, null, ct));
        Assert.Equal("on", await Show("jit", connection, null, ct));
    }

    [Fact]
    public async Task In_the_callers_transaction_work_mem_is_raised_until_that_transaction_ends()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var bronze = _db.Bronze();
        await bronze.Database.OpenConnectionAsync(ct);
        await bronze.Database.ExecuteSqlRawAsync("SET work_mem = '1MB'", ct);
        var connection = (NpgsqlConnection)bronze.Database.GetDbConnection();

        await using (var transaction = await bronze.Database.BeginTransactionAsync(ct))
        {
            var session = await TransformSession.OpenAsync(bronze, ct);
            await using (session)
            {
                Assert.Same(transaction.GetDbTransaction(), session.Transaction);
                Assert.Equal("64MB", await Show("work_mem", session.Connection, session.Transaction, ct));
            }

            Assert.Equal("64MB", await Show("work_mem", connection, session.Transaction, ct));
            Assert.Equal("off", await Show("jit", connection, session.Transaction, ct));
            await transaction.RollbackAsync(ct);
        }

        Assert.Equal("1MB", await Show("work_mem", connection, null, ct));
    }

    private static async Task<string> Show(string setting, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SHOW " + setting, connection, transaction);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
