using DataPlatform.Datakits.Pagila.Bronze.Entities;
using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// How one Pagila table is extracted, derived from the bronze model: the source columns are exactly the bronze entity's
/// non-metadata columns, in record-hash order (<see cref="RecordHash.SourceColumns"/>), so what bronze does not declare
/// (<c>staff.password</c>, <c>film.fulltext</c>) is never selected from the source.
/// </summary>
internal sealed class BronzeTablePlan
{
    private const string SourceSchema = "public";

    private BronzeTablePlan(IEntityType entityType)
    {
        Table = entityType.GetTableName()!;
        BronzeSchema = entityType.GetSchema()!;
        var store = StoreObjectIdentifier.Table(Table, BronzeSchema);
        var byColumn = entityType.GetProperties().ToDictionary(p => p.GetColumnName(store)!, StringComparer.Ordinal);

        Columns = RecordHash.SourceColumns(entityType);

        var sourceKey = (string?)entityType[PagilaBronzeContext.SourceKeyAnnotation]
            ?? throw new InvalidOperationException($"Bronze table {Table} declares no source key.");
        KeyColumns = sourceKey.Split(',').Select(p => entityType.GetProperty(p).GetColumnName(store)!).ToList();
        if (KeyColumns.Count is < 1 or > 2 || KeyColumns.Any(k => byColumn[k].ClrType != typeof(int)))
        {
            throw new InvalidOperationException($"Bronze table {Table}: the source key must be one or two integer columns.");
        }

        KeyIndexes = KeyColumns.Select(IndexOf).ToArray();
        if (byColumn.ContainsKey("last_update"))
        {
            Cursor = CursorKind.LastUpdate;
            CursorIndexes = [IndexOf("last_update")];
        }
        else
        {
            Cursor = CursorKind.Payment;
            CursorIndexes = [IndexOf("payment_id"), IndexOf("payment_date")];
        }
    }

    /// <summary>The table name, the same in the source and in bronze.</summary>
    public string Table { get; }

    public string BronzeSchema { get; }

    /// <summary><c>br__pagila__public.rental</c>: the ledger's table name.</summary>
    public string BronzeTableName => $"{BronzeSchema}.{Table}";

    /// <summary><c>public.rental</c>: the value of <c>dp_source_table</c>.</summary>
    public string SourceTableName => $"{SourceSchema}.{Table}";

    /// <summary>The source columns, in the fixed order they are selected, hashed and written.</summary>
    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string> KeyColumns { get; }

    /// <summary>Positions of the key columns in <see cref="Columns"/>.</summary>
    public int[] KeyIndexes { get; }

    public CursorKind Cursor { get; }

    /// <summary>Positions of the cursor columns in <see cref="Columns"/>: <c>last_update</c>, or <c>payment_id</c> and <c>payment_date</c>.</summary>
    public int[] CursorIndexes { get; }

    /// <summary>The column the safety-lag window is measured on.</summary>
    public string WindowColumn => Cursor == CursorKind.LastUpdate ? "last_update" : "payment_date";

    public string QualifiedBronze => SqlIdentifier.Quote(BronzeSchema, Table);

    public static IReadOnlyList<BronzeTablePlan> CreateAll(IModel model) =>
        model.GetEntityTypes().Where(e => typeof(BronzeRecord).IsAssignableFrom(e.ClrType)).Select(e => new BronzeTablePlan(e)).ToList();

    /// <summary>The dedup key of a tuple: one int, or two ints packed into a long (source keys are NOT NULL).</summary>
    public long KeyOf(ReadOnlySpan<byte> tuple, int[] fieldOffsets) =>
        KeyIndexes.Length == 1
            ? CopyFields.Int32(tuple, fieldOffsets[KeyIndexes[0]]) ?? 0
            : ((long)(CopyFields.Int32(tuple, fieldOffsets[KeyIndexes[0]]) ?? 0) << 32) | (uint)(CopyFields.Int32(tuple, fieldOffsets[KeyIndexes[1]]) ?? 0);

    public string ColumnList(string? alias = null) =>
        string.Join(", ", Columns.Select(c => (alias is null ? string.Empty : alias + ".") + SqlIdentifier.Quote(c)));

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Bronze table {Table} has no source column {column}.");
    }
}
