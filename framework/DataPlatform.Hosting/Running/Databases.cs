using DataPlatform.Framework.Naming;
using Npgsql;

namespace DataPlatform.Hosting.Running;

/// <summary>Small server-level helpers: create a database when missing, describe a connection without its password.</summary>
internal static class Databases
{
    /// <summary>Creates database <paramref name="name"/> on the server of <paramref name="serverConnectionString"/> unless it exists. Returns whether it was created.</summary>
    public static async Task<bool> EnsureExistsAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        SqlIdentifier.Validate(name, "Database name");
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                return false;
            }
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {SqlIdentifier.Quote(name)}", connection);
            await create.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>Drops database <paramref name="name"/> if it exists (closing other sessions on it).</summary>
    public static async Task DropIfExistsAsync(string serverConnectionString, string name, CancellationToken ct)
    {
        SqlIdentifier.Validate(name, "Database name");
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {SqlIdentifier.Quote(name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The connection string for batch work: without a <c>Command Timeout</c> of its own it gets none (0), because a
    /// layer's statements run as long as the data needs (Npgsql's default of 30 s would cancel them at larger scales).
    /// </summary>
    public static string ForBatchWork(string connectionString)
    {
        if (connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
    }

    /// <summary>The same connection string pointing at another database.</summary>
    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>The database name of a connection string (Npgsql's default is the user name).</summary>
    public static string DatabaseOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return builder.Database ?? builder.Username ?? "postgres";
    }

    /// <summary>
    /// The connection string without its password (and passfile), safe to print in a command to copy; Npgsql then takes the
    /// password from <c>PGPASSWORD</c> or <c>~/.pgpass</c>.
    /// </summary>
    public static string WithoutPassword(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Remove("Password");
        builder.Remove("Passfile");
        return builder.ConnectionString;
    }

    /// <summary><c>user@host:port/database</c>, never the password: safe to log and print.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            var user = builder.Username is { Length: > 0 } u ? u + "@" : string.Empty;
            return $"{user}{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username ?? "postgres"}";
        }
        catch (ArgumentException)
        {
            return "(invalid connection string)";
        }
    }
}
