using System.IO.Hashing;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// The bronze record hash (<see cref="Mixins.IBronzeRecord.DpRecordHash"/>): XxHash128 (seed 0, canonical big-endian
/// bytes) over the source columns' canonical field bytes, i.e. the fields of a binary COPY tuple of the source columns
/// in ordinal column-name order, each an int32 length (-1 for NULL) followed by PostgreSQL's binary form.
/// </summary>
internal static class RecordHasher
{
    /// <summary>Bytes of a hash.</summary>
    public const int Size = 16;

    public static void Hash(ReadOnlySpan<byte> fields, Span<byte> destination) => XxHash128.Hash(fields, destination);
}
