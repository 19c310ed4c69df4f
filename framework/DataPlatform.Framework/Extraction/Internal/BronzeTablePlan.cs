using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// How one table is extracted, derived from its bronze entity: the source columns are exactly the entity's non-metadata
/// columns in ordinal name order (the record hash order), so what bronze does not declare is never selected; the source
/// table has the bronze table's name in the datakit's source schema.
/// </summary>
internal sealed class BronzeTablePlan
{
    private static readonly string[] s_timestampTypes = ["timestamp with time zone", "timestamp without time zone", "timestamptz", "timestamp"];
    private static readonly string[] s_integerTypes = ["smallint", "integer", "bigint", "int2", "int4", "int8"];

    private BronzeTablePlan(IEntityType entityType, string sourceSchema, ExtractionPolicy policy)
    {
        Table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        BronzeSchema = entityType.GetSchema() ?? "public";
        SourceSchema = SqlIdentifier.Validate(sourceSchema, "Source schema");
        Policy = policy;
        var store = StoreObjectIdentifier.Table(Table, BronzeSchema);

        Columns = EntityTableMap.Create(entityType.Model, entityType.ClrType, BulkLoadMode.Append, keyProperties: null)
            .HashColumns.Select(c => c.Name).ToList();
        ColumnTypes = [.. Columns.Select(c => entityType.GetProperties().Single(p => p.GetColumnName(store) == c))
            .Select(p => p[MixinAnnotations.BronzeSourceStoreType] as string ?? p.GetColumnType(store))];
        var sourceKey = entityType[MixinAnnotations.BronzeSourceKey] as string
            ?? throw new InvalidOperationException($"Bronze table {BronzeTableName} declares no source key (HasBronzeSourceKey).");
        KeyColumns = sourceKey.Split(',').Select(p => entityType.GetProperty(p).GetColumnName(store)!).ToList();
        KeyIndexes = [.. KeyColumns.Select(IndexOf)];

        if (policy.Column is { } column)
        {
            CursorIndex = IndexOf(column);
            var storeType = entityType.GetProperties().Single(p => p.GetColumnName(store) == column).GetColumnType(store);
            var allowed = policy.Kind == ExtractionPolicyKind.Cursor ? s_timestampTypes : s_integerTypes;
            if (!allowed.Contains(storeType, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Bronze table {BronzeTableName}: {policy} needs a column of type {string.Join(" or ", allowed.Take(3))}, {column} is {storeType}.");
            }
        }
        else
        {
            CursorIndex = -1;
        }
    }

    /// <summary>The table name, the same in the source and in bronze.</summary>
    public string Table { get; }

    public string BronzeSchema { get; }

    public string SourceSchema { get; }

    public ExtractionPolicy Policy { get; }

    /// <summary><c>br__pagila__public.rental</c>: the ledger's table name.</summary>
    public string BronzeTableName => $"{BronzeSchema}.{Table}";

    /// <summary><c>public.rental</c>: the ledger's source table.</summary>
    public string SourceTableName => $"{SourceSchema}.{Table}";

    public string QualifiedBronze => SqlIdentifier.Quote(BronzeSchema, Table);

    public string QualifiedSource => SqlIdentifier.Quote(SourceSchema, Table);

    /// <summary>The source columns, in the fixed order they are selected, hashed and written.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The source key's columns, in key order.</summary>
    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>
    /// The store types the source must have for <see cref="Columns"/> (EF Core's spelling), in the same order: bronze's own,
    /// or the source type it deliberately differs from (<see cref="MixinAnnotations.BronzeSourceStoreType"/>).
    /// </summary>
    public IReadOnlyList<string> ColumnTypes { get; }

    /// <summary>Positions of the key columns in <see cref="Columns"/>.</summary>
    public int[] KeyIndexes { get; }

    /// <summary>Position of the policy's column in <see cref="Columns"/>, or -1 for a snapshot.</summary>
    public int CursorIndex { get; }

    public static BronzeTablePlan Create(IEntityType entityType, string sourceSchema, ExtractionPolicy policy) => new(entityType, sourceSchema, policy);

    /// <summary>Copies the key fields of a tuple (each: length word and value) into <paramref name="destination"/>; returns the bytes written.</summary>
    public int KeyOf(ReadOnlySpan<byte> tuple, int[] fieldOffsets, ref byte[] destination)
    {
        var length = 0;
        foreach (var index in KeyIndexes)
        {
            var offset = fieldOffsets[index];
            var size = CopyFields.FieldSize(tuple, offset);
            if (length + size > destination.Length)
            {
                Array.Resize(ref destination, Math.Max(destination.Length * 2, length + size));
            }

            tuple.Slice(offset, size).CopyTo(destination.AsSpan(length));
            length += size;
        }

        return length;
    }

    public string ColumnList(string? alias = null) =>
        string.Join(", ", Columns.Select(c => (alias is null ? string.Empty : alias + ".") + SqlIdentifier.Quote(c)));

    public string KeyList(string? alias = null) =>
        string.Join(", ", KeyColumns.Select(c => (alias is null ? string.Empty : alias + ".") + SqlIdentifier.Quote(c)));

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Bronze table {BronzeTableName} has no source column {column}.");
    }
}
