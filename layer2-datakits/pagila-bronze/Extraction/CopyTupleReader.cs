using System.Buffers.Binary;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// Reads tuples of a PostgreSQL binary COPY stream (<c>COPY … TO STDOUT (FORMAT BINARY)</c>) without decoding the
/// values: each tuple is an int16 field count followed by, per field, an int32 length (-1 = NULL) and the value bytes.
/// The current tuple stays contiguous in the buffer, so it can be hashed and forwarded as it is.
/// </summary>
internal sealed class CopyTupleReader(Stream stream)
{
    private static readonly byte[] s_signature = CopyFields.Signature;

    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;

    /// <summary>Offsets (from the tuple start) of each field's length word in the current tuple.</summary>
    public int[] FieldOffsets { get; private set; } = new int[32];

    /// <summary>The current tuple, <paramref name="length"/> bytes from its start (the field count included).</summary>
    public ReadOnlySpan<byte> Tuple(int length) => _buffer.AsSpan(_start, length);

    public async ValueTask ReadHeaderAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(19, cancellationToken).ConfigureAwait(false) || !_buffer.AsSpan(_start, 11).SequenceEqual(s_signature))
        {
            throw new InvalidDataException("The source did not send a binary COPY header.");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start + 15));
        if (!await FillAsync(19 + extension, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidDataException("The binary COPY header is truncated.");
        }

        _start += 19 + extension;
    }

    /// <summary>Reads the next tuple; returns its length in bytes, or -1 at the end of the stream.</summary>
    public async ValueTask<int> ReadTupleAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(2, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidDataException("The binary COPY stream ended without its trailer.");
        }

        int count = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(_start));
        if (count == -1)
        {
            return -1;
        }

        if (count > FieldOffsets.Length)
        {
            FieldOffsets = new int[count];
        }

        var position = 2;
        for (var i = 0; i < count; i++)
        {
            if (!await FillAsync(position + 4, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException("The binary COPY stream ended inside a tuple.");
            }

            FieldOffsets[i] = position;
            var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start + position));
            position += 4;
            if (length > 0)
            {
                if (!await FillAsync(position + length, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidDataException("The binary COPY stream ended inside a value.");
                }

                position += length;
            }
        }

        return position;
    }

    /// <summary>Moves past the current tuple.</summary>
    public void Advance(int length) => _start += length;

    // Makes at least `needed` bytes from the current tuple start available, compacting and growing the buffer.
    private async ValueTask<bool> FillAsync(int needed, CancellationToken cancellationToken)
    {
        while (_end - _start < needed)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (needed > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}
