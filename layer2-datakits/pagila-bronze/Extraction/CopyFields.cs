using System.Buffers.Binary;
using System.Text;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>Encodes and decodes the few binary COPY field values the extractor itself needs to understand.</summary>
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

    /// <summary>Encodes the constant trailing fields of every bronze row: batch id, load time, source table, operation.</summary>
    public static byte[] MetadataSuffix(long batchId, DateTime loadedAt, string sourceTable, string operation)
    {
        var table = Encoding.UTF8.GetBytes(sourceTable);
        var op = Encoding.UTF8.GetBytes(operation);
        var bytes = new byte[12 + 12 + 4 + table.Length + 4 + op.Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], batchId);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], 8);
        BinaryPrimitives.WriteInt64BigEndian(span[16..], (DateTime.SpecifyKind(loadedAt, DateTimeKind.Utc) - s_postgresEpoch).Ticks / 10);
        BinaryPrimitives.WriteInt32BigEndian(span[24..], table.Length);
        table.CopyTo(span[28..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(28 + table.Length)..], op.Length);
        op.CopyTo(span[(32 + table.Length)..]);
        return bytes;
    }
}
