using System.Buffers.Binary;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// Writes a PostgreSQL binary COPY stream (<c>COPY … FROM STDIN (FORMAT BINARY)</c>) from tuples forwarded as bytes plus
/// appended fields, buffered; call <see cref="FlushIfFullAsync"/> after each tuple and <see cref="CompleteAsync"/> at the end.
/// </summary>
internal sealed class CopyTupleWriter(Stream stream)
{
    private const int FlushThreshold = 1 << 18;

    private byte[] _buffer = new byte[FlushThreshold + (1 << 16)];
    private int _length;

    public void WriteHeader()
    {
        var header = Reserve(19);
        CopyFields.Signature.CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header[11..], 0);
        BinaryPrimitives.WriteInt32BigEndian(header[15..], 0);
    }

    /// <summary>
    /// Writes one tuple: the source tuple's fields (<paramref name="sourceTuple"/> without its field count), a bytea field
    /// holding the record hash (<paramref name="hash"/>, or computed here from the fields when it is empty), then <paramref name="suffix"/>
    /// (already encoded fields).
    /// </summary>
    public void WriteTuple(ReadOnlySpan<byte> sourceTuple, short fieldCount, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> suffix)
    {
        var fields = sourceTuple[2..];
        var target = Reserve(2 + fields.Length + 4 + RecordHasher.Size + suffix.Length);
        BinaryPrimitives.WriteInt16BigEndian(target, fieldCount);
        fields.CopyTo(target[2..]);
        var at = 2 + fields.Length;
        BinaryPrimitives.WriteInt32BigEndian(target[at..], RecordHasher.Size);
        var hashTarget = target.Slice(at + 4, RecordHasher.Size);
        if (hash.IsEmpty)
        {
            RecordHasher.Hash(fields, hashTarget);
        }
        else
        {
            hash.CopyTo(hashTarget);
        }

        suffix.CopyTo(target[(at + 4 + RecordHasher.Size)..]);
    }

    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        _length >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes the trailer and everything buffered.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
