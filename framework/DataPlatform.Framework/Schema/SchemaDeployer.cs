using System.Diagnostics;
using DataPlatform.Framework.Internal.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DataPlatform.Framework.Schema;

/// <summary>
/// Deploys and validates the database schema of any EF Core context that uses the DataPlatform conventions.
/// The desired schema is the context's relational model (tables, columns with store types, nullability, defaults,
/// identity, primary/unique/check/foreign keys, indexes, table storage parameters declared with
/// <c>HasStorageParameter</c>, PostgreSQL enums) plus the mixin objects: the bookkeeping
/// schema <c>dataplatform</c>, per-table touch functions with their BEFORE UPDATE triggers, and for temporal entities the
/// <c>&lt;table&gt;__history</c> tables with their functions and statement-level triggers. The live schema is read from
/// pg_catalog. Trigger objects of earlier versions that the model replaced (the generic <c>dataplatform.touch_row()</c>,
/// row-level history triggers) are migrated: their triggers are replaced, and the generic function is dropped once no
/// trigger of the database calls it.
/// </summary>
/// <remarks>
/// Deploy applies <see cref="SchemaChange.Create"/> and <see cref="SchemaChange.Update"/> differences in one
/// transaction and is idempotent. It never drops a table, a column or data: an <see cref="SchemaChange.Invalid"/>
/// difference (a type change, a primary key change, nullable to NOT NULL) stops it before it changes anything, with a
/// <see cref="SchemaDriftException"/> holding the SQL a person can review. Objects that exist only in the database
/// (extra columns, tables, indexes, storage parameters the model does not declare) are left alone and not reported.
/// A declared storage parameter is set with <c>ALTER TABLE … SET</c>, which applies to pages written from then on.
/// </remarks>
public sealed class SchemaDeployer
{
    // pg_advisory_xact_lock key: concurrent deploys to one database wait for each other.
    private const long DeployLockKey = 0x44505F534348454D;

    private readonly ILogger _logger;

    /// <summary>Creates a deployer that logs through <paramref name="loggerFactory"/> (no logging when null).</summary>
    public SchemaDeployer(ILoggerFactory? loggerFactory = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SchemaDeployer>();
    }

    /// <summary>Creates or updates the schema of <paramref name="context"/> in the database; returns what it changed.</summary>
    /// <exception cref="SchemaDriftException">The database differs in a way deploy does not change on its own; nothing was changed.</exception>
    /// <exception cref="SchemaConnectionException">The database cannot be reached.</exception>
    public async Task<SchemaDeployResult> DeployAsync(DbContext context, string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var contextName = context.GetType().Name;
        var connection = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var desired = await DesiredAsync(context, connection, cancellationToken).ConfigureAwait(false);

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using var transactionScope = transaction.ConfigureAwait(false);
        var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({DeployLockKey})", connection, transaction);
        await using (lockCommand.ConfigureAwait(false))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var differences = await DiffAsync(desired, connection, transaction, contextName, cancellationToken).ConfigureAwait(false);
        var invalid = differences.Where(d => d.Change == SchemaChange.Invalid).ToList();
        if (invalid.Count > 0)
        {
            foreach (var difference in invalid)
            {
                SchemaLog.InvalidChange(_logger, contextName, difference.Kind.ToString(), difference.ObjectName, difference.Description);
            }

            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            throw new SchemaDriftException(differences);
        }

        // Each statement runs on its own, so a failure names the object it was about.
        var reset = new NpgsqlCommand("SET LOCAL search_path TO DEFAULT", connection, transaction);
        await using (reset.ConfigureAwait(false))
        {
            await reset.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var difference in differences)
        {
            SchemaLog.Applying(_logger, difference.Change.ToString(), difference.Kind.ToString(), difference.ObjectName, difference.Description);
            SchemaLog.RunningSql(_logger, difference.Sql);
            var command = new NpgsqlCommand(difference.Sql, connection, transaction);
            await using var commandScope = command.ConfigureAwait(false);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception)
            {
                throw new InvalidOperationException(
                    $"Deploy failed at {difference.Kind} {difference.ObjectName} ({difference.Description}); nothing was changed. "
                    + $"PostgreSQL said: {exception.MessageText}\nSQL:\n{difference.Sql}", exception);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        SchemaLog.Deployed(_logger, differences.Count, contextName, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new SchemaDeployResult(differences);
    }

    /// <summary>Compares the database with the model of <paramref name="context"/> and returns every difference with the SQL that would fix it.</summary>
    /// <exception cref="SchemaConnectionException">The database cannot be reached.</exception>
    public async Task<SchemaValidationResult> ValidateAsync(DbContext context, string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = await OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var desired = await DesiredAsync(context, connection, cancellationToken).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var differences = await DiffAsync(desired, connection, transaction, context.GetType().Name, cancellationToken).ConfigureAwait(false);
        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        return new SchemaValidationResult(differences);
    }

    /// <summary>Removes the password from a connection string so it can be shown in messages and logs.</summary>
    internal static string MaskConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "********";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new SchemaConnectionException($"The connection string is not valid: {exception.Message}", exception);
        }

        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            var message = (exception as PostgresException)?.MessageText ?? exception.Message;
            if (!string.IsNullOrEmpty(builder.Password))
            {
                message = message.Replace(builder.Password, "********", StringComparison.Ordinal);
            }

            throw new SchemaConnectionException(
                $"Cannot connect to database '{builder.Database}' on {builder.Host}:{builder.Port} as '{builder.Username}': {message}", exception);
        }
    }

    private async Task<SchemaSnapshot> DesiredAsync(DbContext context, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var desired = ModelSchemaReader.Read(context);
        SchemaLog.Comparing(_logger, desired.Tables.Count, context.GetType().Name, connection.Database, connection.Host);
        return await SchemaCanonicalizer.CanonicalizeAsync(connection, desired, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<SchemaDifference>> DiffAsync(
        SchemaSnapshot desired, NpgsqlConnection connection, NpgsqlTransaction transaction, string contextName, CancellationToken cancellationToken)
    {
        var live = await LiveSchemaReader.ReadAsync(connection, transaction, desired.Schemas, cancellationToken).ConfigureAwait(false);
        var differences = SchemaDiffer.Diff(desired, live);
        if (differences.Count == 0)
        {
            SchemaLog.NoDifferences(_logger, contextName);
        }
        else
        {
            SchemaLog.Differences(_logger, differences.Count, contextName, differences.Count(d => d.Change == SchemaChange.Invalid));
        }

        return differences;
    }
}
