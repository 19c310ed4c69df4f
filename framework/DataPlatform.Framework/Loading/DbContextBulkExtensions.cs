using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// The bulk verbs EF Core users know from EFCore.BulkExtensions, on any DbContext of a Npgsql model, over the
/// <see cref="BulkDataLoader"/> (binary COPY): <see cref="BulkInsertAsync{T}"/> appends, <see cref="BulkInsertOrUpdateAsync{T}"/>
/// upserts, <see cref="BulkInsertOrUpdateOrDeleteAsync{T}"/> syncs and <see cref="BulkReadAsync{T}"/> reads rows back by key.
/// A call joins the context's current transaction (<c>Database.BeginTransactionAsync</c>), else runs in one transaction of
/// its own on the context's connection. The change tracker is neither read nor updated.
/// </summary>
public static class DbContextBulkExtensions
{
    /// <summary>Appends every entity as a new row (<see cref="BulkLoadMode.Append"/>).</summary>
    public static Task<BulkLoadResult> BulkInsertAsync<T>(
        this DbContext context, IEnumerable<T> entities, BulkConfig? bulkConfig = null, CancellationToken cancellationToken = default)
        where T : class =>
        LoadAsync(context, entities, BulkLoadMode.Append, bulkConfig, cancellationToken);

    /// <summary>
    /// Inserts new keys and updates changed rows; equal rows are left untouched and rows missing from the input stay
    /// (<see cref="BulkLoadMode.Upsert"/>). The key: <see cref="BulkConfig.UpdateByProperties"/>, else the primary key.
    /// </summary>
    public static Task<BulkLoadResult> BulkInsertOrUpdateAsync<T>(
        this DbContext context, IEnumerable<T> entities, BulkConfig? bulkConfig = null, CancellationToken cancellationToken = default)
        where T : class =>
        LoadAsync(context, entities, BulkLoadMode.Upsert, bulkConfig, cancellationToken);

    /// <summary>
    /// Makes the table hold the input (<see cref="BulkLoadMode.Sync"/>): inserts new keys, updates changed rows, and
    /// deletes the active rows whose key is missing from the input the way reference data is deleted here, by setting
    /// <c>inactivated_date</c> (a key that comes back is reactivated). The entity must be reference data
    /// (<see cref="Mixins.IReferenceData"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The entity is not reference data.</exception>
    public static Task<BulkLoadResult> BulkInsertOrUpdateOrDeleteAsync<T>(
        this DbContext context, IEnumerable<T> entities, BulkConfig? bulkConfig = null, CancellationToken cancellationToken = default)
        where T : class =>
        LoadAsync(context, entities, BulkLoadMode.Sync, bulkConfig, cancellationToken);

    /// <summary>
    /// Fills the given entities from their rows: each entity carries its key (<see cref="BulkConfig.UpdateByProperties"/>,
    /// else the primary key), and its other properties (or <see cref="BulkConfig.PropertiesToInclude"/>) are set from the
    /// row with that key. Entities without a row are left as they are. Returns how many were found.
    /// </summary>
    public static async Task<int> BulkReadAsync<T>(
        this DbContext context, IList<T> entities, BulkConfig? bulkConfig = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);
        return await new BulkReader<T>(context, bulkConfig ?? new BulkConfig()).ReadAsync(entities, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<BulkLoadResult> LoadAsync<T>(
        DbContext context, IEnumerable<T> entities, BulkLoadMode mode, BulkConfig? bulkConfig, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entities);
        bulkConfig ??= new BulkConfig();
        var connection = context.Database.GetDbConnection() as NpgsqlConnection
            ?? throw new InvalidOperationException($"{context.GetType().Name} does not use Npgsql: the bulk verbs load through PostgreSQL's binary COPY.");
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        var options = new BulkLoadOptions
        {
            Mode = mode,
            KeyProperties = bulkConfig.UpdateByProperties,
            Properties = WrittenProperties(context, typeof(T), bulkConfig),
            Connection = connection,
            Transaction = transaction,
            CommandTimeoutSeconds = bulkConfig.BulkCopyTimeout ?? 0,
        };
        var loader = new BulkDataLoader(context.Model, context.GetService<ILoggerFactory>());
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await loader.LoadAsync(entities, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (opened)
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The properties to write or read under <paramref name="bulkConfig"/>, or null for all of them.</summary>
    internal static IReadOnlyList<string>? WrittenProperties(DbContext context, Type entity, BulkConfig bulkConfig)
    {
        if (bulkConfig.PropertiesToInclude is null && bulkConfig.PropertiesToExclude is null)
        {
            return null;
        }

        var entityType = context.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not an entity of {context.GetType().Name}.", nameof(entity));
        var excluded = bulkConfig.PropertiesToExclude ?? [];
        var unknown = excluded.Where(p => entityType.FindProperty(p) is null).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{string.Join(", ", unknown)} is not a property of {entity.Name}.", nameof(bulkConfig));
        }

        var included = bulkConfig.PropertiesToInclude ?? [.. entityType.GetProperties().Select(p => p.Name)];
        return [.. included.Where(p => !excluded.Contains(p, StringComparer.Ordinal))];
    }
}
