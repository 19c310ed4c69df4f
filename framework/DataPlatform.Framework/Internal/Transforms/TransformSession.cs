using System.Data;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The connection and transaction of one run: the source context's connection (opened if needed) and its current
/// transaction when the caller started one, otherwise a transaction of the run's own that commits at the end. Opening
/// raises <c>work_mem</c> to at least <see cref="MinimumWorkMem"/> (a higher setting is kept) with a transaction-local
/// <c>set_config</c>, so PostgreSQL can keep the hashed SubPlans of the rules' key probes in memory, and turns JIT
/// compilation off: a run's statements carry many expressions (rules, guarded members) and plan costs inflated by targets
/// that look empty, so PostgreSQL compiled each large one with inlining and optimization, 0.7-1.4 s a statement at Pagila
/// x10, more than the compiled code saved. In the caller's ambient transaction both settings therefore also hold for the
/// rest of that transaction, and end with it.
/// </summary>
internal sealed class TransformSession : IAsyncDisposable
{
    /// <summary>The least <c>work_mem</c> a run works with.</summary>
    public const string MinimumWorkMem = "64MB";

    private const string Configure =
        "SELECT set_config('work_mem', (greatest(pg_size_bytes(current_setting('work_mem')), pg_size_bytes('" + MinimumWorkMem + "'))"
        + " / 1024)::text || 'kB', true), set_config('jit', 'off', true)";

    private readonly DbContext _context;
    private readonly bool _openedConnection;
    private readonly bool _ownsTransaction;
    private bool _committed;

    private TransformSession(DbContext context, NpgsqlConnection connection, NpgsqlTransaction transaction, bool openedConnection, bool ownsTransaction)
    {
        _context = context;
        Connection = connection;
        Transaction = transaction;
        _openedConnection = openedConnection;
        _ownsTransaction = ownsTransaction;
        Statements = new TransformStatement(connection, transaction, context.Database.GetCommandTimeout());
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Transaction { get; }

    public TransformStatement Statements { get; }

    public static async Task<TransformSession> OpenAsync(DbContext source, CancellationToken cancellationToken)
    {
        if (source.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            throw new InvalidOperationException($"Transforms run on PostgreSQL: {source.GetType().Name} does not use Npgsql.");
        }

        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await source.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        TransformSession session;
        if (source.Database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction ambient)
        {
            session = new TransformSession(source, connection, ambient, opened, ownsTransaction: false);
        }
        else
        {
            var own = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            session = new TransformSession(source, connection, own, opened, ownsTransaction: true);
        }

        try
        {
            await session.Statements.ExecuteAsync(Configure, [], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return session;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_ownsTransaction)
        {
            await Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsTransaction)
        {
            if (!_committed)
            {
                await Transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await Transaction.DisposeAsync().ConfigureAwait(false);
        }

        if (_openedConnection)
        {
            await _context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
