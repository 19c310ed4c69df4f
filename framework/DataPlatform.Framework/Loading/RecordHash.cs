using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DataPlatform.Framework.Mixins;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DataPlatform.Framework.Loading;

/// <summary>
/// The bronze record hash (<see cref="IBronzeRecord.DpRecordHash"/>): SHA-256 over the source columns of a row. Columns
/// are taken in a fixed order (ordinal by column name, <c>dp_</c> columns excluded, see <see cref="SourceColumns"/>);
/// each value is encoded unambiguously: a NULL marker byte, or a value marker plus a length-prefixed canonical form
/// (invariant text for numbers, dates and times; UTF-8 for text; raw bytes for bytea; element count plus elements for arrays).
/// The loader stamps bronze records with it, so a reloaded unchanged row keeps its hash. A raw-COPY extractor (the Pagila
/// bronze extractor forwards binary COPY tuples without decoding them) hashes the same <see cref="SourceColumns"/> in the
/// same order over their binary COPY form instead: each hash is stable, but the two are not interchangeable.
/// </summary>
public static class RecordHash
{
    private const byte NullMarker = 0;
    private const byte ValueMarker = 1;
    private const byte ArrayMarker = 2;

    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, object>> s_plans = [];

    /// <summary>The hash of values given in <see cref="SourceColumns"/> order (provider values; enum values as their labels).</summary>
    public static byte[] Compute(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var buffer = new ArrayBufferWriter<byte>(256);
        foreach (var value in values)
        {
            Append(buffer, value);
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    /// <summary>The hash of an entity's source columns, read through the EF Core model (compiled once per entity type).</summary>
    public static byte[] Compute<T>(IModel model, T entity)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(entity);
        var plans = s_plans.GetValue(model, _ => new ConcurrentDictionary<Type, object>());
        var plan = (HashPlan<T>)plans.GetOrAdd(typeof(T), _ =>
        {
            var map = EntityTableMap.Create(model, typeof(T), BulkLoadMode.Append, keyProperties: null);
            return new HashPlan<T>(RowWriterCompiler.CompileValueReader<T>(map.HashColumns), map.HashColumns.Count);
        });
        return plan.Compute(entity);
    }

    /// <summary>The column names hashed for <paramref name="entityType"/>, in hash order.</summary>
    public static IReadOnlyList<string> SourceColumns(IEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return EntityTableMap.Create(entityType.Model, entityType.ClrType, BulkLoadMode.Append, keyProperties: null)
            .HashColumns.Select(c => c.Name).ToList();
    }

    private static void Append(ArrayBufferWriter<byte> buffer, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                buffer.Write([NullMarker]);
                return;
            case byte[] bytes:
                AppendValue(buffer, bytes);
                return;
            case string text:
                AppendValue(buffer, Encoding.UTF8.GetBytes(text));
                return;
            case IEnumerable sequence:
                var items = sequence.Cast<object?>().ToList();
                Span<byte> header = stackalloc byte[5];
                header[0] = ArrayMarker;
                BinaryPrimitives.WriteInt32BigEndian(header[1..], items.Count);
                buffer.Write(header);
                foreach (var item in items)
                {
                    Append(buffer, item);
                }

                return;
            default:
                AppendValue(buffer, Encoding.UTF8.GetBytes(Canonical(value)));
                return;
        }
    }

    private static void AppendValue(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = ValueMarker;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        buffer.Write(header);
        buffer.Write(bytes);
    }

    private static string Canonical(object value) => value switch
    {
        bool b => b ? "t" : "f",
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class HashPlan<T>(Action<T, object?[]> reader, int count)
    {
        public byte[] Compute(T entity)
        {
            var values = new object?[count];
            reader(entity, values);
            return RecordHash.Compute(values);
        }
    }
}
