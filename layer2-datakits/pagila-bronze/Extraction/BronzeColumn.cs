using Npgsql;
using NpgsqlTypes;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// One source column copied into bronze: read from the source's binary COPY stream as its CLR type (boxed once, since
/// the record hash needs the value anyway) and written to the bronze binary COPY stream with an explicit wire type.
/// </summary>
internal sealed class BronzeColumn
{
    private BronzeColumn(
        string name,
        Func<NpgsqlBinaryExporter, CancellationToken, ValueTask<object?>> read,
        Func<NpgsqlBinaryImporter, object?, CancellationToken, Task> write)
    {
        Name = name;
        ReadAsync = read;
        WriteAsync = write;
    }

    /// <summary>The column name, the same in source and bronze.</summary>
    public string Name { get; }

    public Func<NpgsqlBinaryExporter, CancellationToken, ValueTask<object?>> ReadAsync { get; }

    public Func<NpgsqlBinaryImporter, object?, CancellationToken, Task> WriteAsync { get; }

    /// <summary>A column of CLR type <paramref name="clrType"/> (nullable wrappers are ignored).</summary>
    /// <exception cref="NotSupportedException">A type the Pagila tables do not use.</exception>
    public static BronzeColumn Create(string name, Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        return type switch
        {
            _ when type == typeof(int) => Create<int>(name, NpgsqlDbType.Integer),
            _ when type == typeof(short) => Create<short>(name, NpgsqlDbType.Smallint),
            _ when type == typeof(string) => Create<string>(name, NpgsqlDbType.Text),
            _ when type == typeof(bool) => Create<bool>(name, NpgsqlDbType.Boolean),
            _ when type == typeof(DateOnly) => Create<DateOnly>(name, NpgsqlDbType.Date),
            _ when type == typeof(DateTime) => Create<DateTime>(name, NpgsqlDbType.TimestampTz),
            _ when type == typeof(decimal) => Create<decimal>(name, NpgsqlDbType.Numeric),
            _ when type == typeof(string[]) => Create<string[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Text),
            _ when type == typeof(byte[]) => Create<byte[]>(name, NpgsqlDbType.Bytea),
            _ => throw new NotSupportedException($"Column {name}: CLR type {type.Name} is not supported by the bronze extractor."),
        };
    }

    private static BronzeColumn Create<T>(string name, NpgsqlDbType dbType)
        where T : notnull =>
        new(
            name,
            async (exporter, ct) =>
            {
                if (exporter.IsNull)
                {
                    await exporter.SkipAsync(ct).ConfigureAwait(false);
                    return null;
                }

                return await exporter.ReadAsync<T>(dbType, ct).ConfigureAwait(false);
            },
            (importer, value, ct) => value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync((T)value, dbType, ct));
}
