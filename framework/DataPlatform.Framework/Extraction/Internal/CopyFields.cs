using System.Buffers.Binary;
using System.Text;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>Encodes and decodes the few binary COPY field values the extraction engine itself needs to understand.</summary>
internal static class CopyFields
{
    /// <summary>The 11-byte signature that starts every binary COPY stream: <c>PGCOPY\n\377\r\n\0</c>.</summary>
    public static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private static readonly DateTime s_postgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>An int4 field (length 4) of the tuple, or null.</summary>
    public static int? Int32(ReadOnlySpan<byte> tuple, int fieldOffset) =>
        BinaryPrimitives.ReadInt32BigEndian(tuple[fieldOffset..]) == 4
            ? BinaryPrimitives.ReadInt32BigEndian(tuple[(fieldOffset + 4)..])
            : null;

    /// <summary>A timestamptz field (int64 microseconds since 2000-01-01 UTC) of the tuple, or null (also for ±infinity).</summary>
    public static DateTime? Timestamp(ReadOnlySpan<byte> tuple, int fieldOffset)
    {
        if (BinaryPrimitives.ReadInt32BigEndian(tuple[fieldOffset..]) != 8)
        {
            return null;
        }

        var microseconds = BinaryPrimitives.ReadInt64BigEndian(tuple[(fieldOffset + 4)..]);
        var ticks = s_postgresEpoch.Ticks + (microseconds * 10);
        return microseconds is long.MaxValue or long.MinValue || ticks < 0 || ticks > DateTime.MaxValue.Ticks
            ? null
            : new DateTime(ticks, DateTimeKind.Utc);
    }

    /// <summary>An int2, int4 or int8 field of the tuple widened to a long, or null.</summary>
    public static long? Integer(ReadOnlySpan<byte> tuple, int fieldOffset) => BinaryPrimitives.ReadInt32BigEndian(tuple[fieldOffset..]) switch
    {
        2 => BinaryPrimitives.ReadInt16BigEndian(tuple[(fieldOffset + 4)..]),
        4 => BinaryPrimitives.ReadInt32BigEndian(tuple[(fieldOffset + 4)..]),
        8 => BinaryPrimitives.ReadInt64BigEndian(tuple[(fieldOffset + 4)..]),
        _ => null,
    };

    /// <summary>The size of a field (its length word plus its value bytes) at <paramref name="fieldOffset"/>.</summary>
    public static int FieldSize(ReadOnlySpan<byte> tuple, int fieldOffset) =>
        4 + Math.Max(BinaryPrimitives.ReadInt32BigEndian(tuple[fieldOffset..]), 0);

    /// <summary>Encodes the constant trailing fields of every bronze row: <c>dp_batch_id</c>, then <c>dp_operation</c>.</summary>
    public static byte[] MetadataSuffix(long batchId, string operation)
    {
        var op = Encoding.UTF8.GetBytes(operation);
        var bytes = new byte[12 + 4 + op.Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], batchId);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], op.Length);
        op.CopyTo(span[16..]);
        return bytes;
    }
}
