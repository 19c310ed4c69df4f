using System.Buffers;
using System.Buffers.Binary;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// Writes a PostgreSQL binary COPY stream (<c>COPY … FROM STDIN (FORMAT BINARY)</c>) from tuples forwarded as bytes plus
/// appended fields; call <see cref="FlushIfFullAsync"/> after each tuple and <see cref="CompleteAsync"/> at the end, and
/// dispose it before the stream. Tuples collect in one of two pooled buffers; a full buffer is sent while the caller
/// fills the other, so reading the source never waits for the warehouse to accept a chunk unless both are full.
/// </summary>
internal sealed class CopyTupleWriter(Stream stream) : IAsyncDisposable
{
    private const int FlushThreshold = 1 << 17;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FlushThreshold + (1 << 14));
    private byte[] _spare = ArrayPool<byte>.Shared.Rent(FlushThreshold + (1 << 14));
    private int _length;

    // The write of _spare still under way, or a completed task.
    private Task _sending = Task.CompletedTask;

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
        _length >= FlushThreshold ? SendAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes the trailer and everything buffered, and waits until the stream has taken it.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        await SendAsync(cancellationToken).ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for a write still under way, then returns the buffers to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        // A write still under way here means the extraction is unwinding from another exception, which is the one reported.
        await _sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_spare);
        _buffer = _spare = [];
    }

    // Starts writing the filled buffer once the previous write has finished with the spare one, then fills the spare.
    private async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        await _sending.ConfigureAwait(false);
        _sending = stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();
        (_buffer, _spare) = (_spare, _buffer);
        _length = 0;
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
