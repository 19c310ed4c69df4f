using System.Collections;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// <see cref="DbContextBulkExtensions.BulkReadAsync{T}"/>: per batch of entities, one query joins the table with the
/// batch's keys (one array parameter per key column, <c>unnest</c>ed), and the rows' values are copied onto the entities
/// with the same key.
/// </summary>
internal sealed class BulkReader<T>
    where T : class
{
    private readonly DbContext _context;
    private readonly BulkConfig _config;
    private readonly IReadOnlyList<IProperty> _key;
    private readonly IReadOnlyList<IProperty> _copied;
    private readonly string _sql;

    public BulkReader(DbContext context, BulkConfig config)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(config.BatchSize, 1);
        _context = context;
        _config = config;
        var entityType = context.Model.FindEntityType(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not an entity of {context.GetType().Name}.", nameof(context));
        var tableName = entityType.GetTableName() ?? throw new ArgumentException($"{typeof(T).Name} is not mapped to a table.", nameof(context));
        var schema = entityType.GetSchema() ?? context.Model.GetDefaultSchema() ?? "public";
        var table = StoreObjectIdentifier.Table(tableName, schema);
        _key = config.UpdateByProperties is { } names
            ? [.. names.Select(n => entityType.FindProperty(n) ?? throw new ArgumentException($"{n} is not a property of {typeof(T).Name}.", nameof(config)))]
            : entityType.FindPrimaryKey()?.Properties ?? throw new ArgumentException($"{typeof(T).Name} has no primary key: set BulkConfig.UpdateByProperties.", nameof(config));
        if (_key.Any(p => p.PropertyInfo is null && p.FieldInfo is null))
        {
            throw new ArgumentException($"The key of {typeof(T).Name} must be CLR properties to read by.", nameof(config));
        }

        var read = DbContextBulkExtensions.WrittenProperties(context, typeof(T), config)?.ToHashSet(StringComparer.Ordinal);
        _copied = [.. entityType.GetProperties().Where(p => !_key.Contains(p) && (p.PropertyInfo ?? (object?)p.FieldInfo) is not null && (read is null || read.Contains(p.Name)))];

        var columns = _key.Select(p => SqlIdentifier.Quote(p.GetColumnName(table)!)).ToList();
        var parameters = string.Join(", ", _key.Select((p, i) => $"@dp_key_{i}::{p.GetColumnType(table)}[]"));
        var match = string.Join(" AND ", columns.Select(c => $"t.{c} = k.{c}"));
        _sql = $"SELECT t.* FROM {SqlIdentifier.Quote(schema, tableName)} AS t JOIN unnest({parameters}) AS k ({string.Join(", ", columns)}) ON {match}";
    }

    public async Task<int> ReadAsync(IList<T> entities, CancellationToken cancellationToken)
    {
        var found = 0;
        var timeout = _context.Database.GetCommandTimeout();
        if (_config.BulkCopyTimeout is { } seconds)
        {
            _context.Database.SetCommandTimeout(seconds);
        }

        try
        {
            foreach (var batch in entities.Chunk(_config.BatchSize))
            {
                var rows = await _context.Set<T>().FromSqlRaw(_sql, Parameters(batch)).AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
                // An entity's key given twice in the batch joins its row twice.
                var byKey = new Dictionary<object?[], T>(KeyComparer.Instance);
                foreach (var row in rows)
                {
                    byKey.TryAdd(Key(row), row);
                }

                foreach (var entity in batch)
                {
                    if (byKey.TryGetValue(Key(entity), out var row))
                    {
                        foreach (var property in _copied)
                        {
                            var value = property.GetGetter().GetClrValue(row);
                            if (property.PropertyInfo is { } info)
                            {
                                info.SetValue(entity, value);
                            }
                            else
                            {
                                property.FieldInfo!.SetValue(entity, value);
                            }
                        }

                        found++;
                    }
                }
            }
        }
        finally
        {
            _context.Database.SetCommandTimeout(timeout);
        }

        return found;
    }

    private object?[] Key(T entity) => [.. _key.Select(p => p.GetGetter().GetClrValue(entity))];

    // One array of provider values per key column (after the property's value converter, as the column stores them).
    private object[] Parameters(T[] batch) =>
    [
        .. _key.Select((property, i) =>
        {
            var converter = property.GetTypeMapping().Converter;
            var type = converter?.ProviderClrType ?? property.ClrType;
            var values = Array.CreateInstance(Nullable.GetUnderlyingType(type) ?? type, batch.Length);
            for (var row = 0; row < batch.Length; row++)
            {
                var value = property.GetGetter().GetClrValue(batch[row]);
                values.SetValue(converter is null || value is null ? value : converter.ConvertToProvider(value), row);
            }

            return (object)new NpgsqlParameter($"dp_key_{i}", values);
        }),
    ];

    private sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => StructuralComparisons.StructuralEqualityComparer.Equals(x, y);

        public int GetHashCode(object?[] obj) => StructuralComparisons.StructuralEqualityComparer.GetHashCode(obj);
    }
}
