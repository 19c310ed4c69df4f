using Npgsql;

namespace DataPlatform.Testing;

/// <summary>A database of its own for a test class or test, created by <see cref="PostgresServer"/> and dropped on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private bool _disposed;

    internal TestDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The database name, e.g. <c>t_bulk_loader_tests_k3x9a_4</c>.</summary>
    public string Name { get; }

    /// <summary>Superuser connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>A data source (connection pool) for this database; disposed with the database.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Opens a pooled connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs <paramref name="sql"/> (one or more statements) and returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> and returns the first column of the first row converted to <typeparamref name="T"/>
    /// (e.g. a <c>count(*)</c> bigint read as <see cref="int"/>); SQL NULL or no row gives <c>default</c>.
    /// </summary>
    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value switch
        {
            null or DBNull => default!,
            T typed => typed,
            _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Closes the pool and drops the database (forcing off any remaining connections).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(Name, CancellationToken.None);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
