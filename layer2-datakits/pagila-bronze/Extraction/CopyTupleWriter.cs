using System.Buffers.Binary;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// Writes a PostgreSQL binary COPY stream (<c>COPY … FROM STDIN (FORMAT BINARY)</c>) from tuples forwarded as bytes
/// plus appended fields, buffered; call <see cref="FlushIfFullAsync"/> after each tuple and <see cref="CompleteAsync"/> at the end.
/// Tuples written with <see cref="WriteTupleAndHash"/> get their record hash in groups of <see cref="Sha256Lanes.Width"/>,
/// filled in before the buffer leaves.
/// </summary>
internal sealed class CopyTupleWriter(Stream stream)
{
    private const int FlushThreshold = 1 << 18;

    private static readonly byte[] s_placeholder = new byte[Sha256Lanes.HashSize];

    private byte[] _buffer = new byte[FlushThreshold + (1 << 16)];
    private int _length;

    // Tuples whose hash field is still to be computed: where their source fields are and where their hash goes.
    private readonly int[] _pendingFields = new int[Sha256Lanes.Width];
    private readonly int[] _pendingLengths = new int[Sha256Lanes.Width];
    private readonly int[] _pendingHashes = new int[Sha256Lanes.Width];
    private Sha256Lanes? _lanes;
    private int _pending;

    public void WriteHeader()
    {
        var header = Reserve(19);
        CopyFields.Signature.CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header[11..], 0);
        BinaryPrimitives.WriteInt32BigEndian(header[15..], 0);
    }

    /// <summary>
    /// Writes one tuple: the source tuple's fields (<paramref name="sourceTuple"/> without its field count), a bytea
    /// field holding <paramref name="hash"/>, then <paramref name="suffix"/> (already encoded fields).
    /// </summary>
    public void WriteTuple(ReadOnlySpan<byte> sourceTuple, short fieldCount, ReadOnlySpan<byte> hash, ReadOnlySpan<byte> suffix)
    {
        var fields = sourceTuple[2..];
        var target = Reserve(2 + fields.Length + 4 + hash.Length + suffix.Length);
        BinaryPrimitives.WriteInt16BigEndian(target, fieldCount);
        fields.CopyTo(target[2..]);
        var at = 2 + fields.Length;
        BinaryPrimitives.WriteInt32BigEndian(target[at..], hash.Length);
        hash.CopyTo(target[(at + 4)..]);
        at += 4 + hash.Length;
        suffix.CopyTo(target[at..]);
    }

    /// <summary>
    /// Writes one tuple like <see cref="WriteTuple"/> with the SHA-256 of its source fields (the tuple without its field
    /// count, as PostgreSQL sent it) as the hash; the hash is computed with the next tuples (only where
    /// <see cref="Sha256Lanes.IsSupported"/>).
    /// </summary>
    public void WriteTupleAndHash(ReadOnlySpan<byte> sourceTuple, short fieldCount, ReadOnlySpan<byte> suffix)
    {
        var start = _length;
        WriteTuple(sourceTuple, fieldCount, s_placeholder, suffix);
        _pendingFields[_pending] = start + 2;
        _pendingLengths[_pending] = sourceTuple.Length - 2;
        _pendingHashes[_pending] = start + sourceTuple.Length + 4;
        if (++_pending == Sha256Lanes.Width)
        {
            HashPending();
        }
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

    private void HashPending()
    {
        if (_pending > 0)
        {
            _lanes ??= new Sha256Lanes();
            _lanes.Hash(_buffer, _pendingFields, _pendingLengths, _pending, _buffer, _pendingHashes);
            _pending = 0;
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        HashPending();
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
