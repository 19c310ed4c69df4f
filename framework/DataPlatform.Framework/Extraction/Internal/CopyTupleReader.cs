using System.Buffers.Binary;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// Reads tuples of a PostgreSQL binary COPY stream (<c>COPY … TO STDOUT (FORMAT BINARY)</c>) without decoding the
/// values: each tuple is an int16 field count followed by, per field, an int32 length (-1 = NULL) and the value bytes.
/// The current tuple stays contiguous in the buffer, so it can be hashed and forwarded as it is. A tuple already in the
/// buffer is parsed synchronously (<see cref="TryReadTuple"/>); the stream is only awaited when the buffer runs dry
/// (<see cref="FillAsync"/>). A tuple may arrive in any number of reads: the server sends one CopyData message per row,
/// Npgsql's raw copy stream returns at most one message (or the part of it in its own buffer) per read, and a row
/// larger than the buffer grows it.
/// </summary>
internal sealed class CopyTupleReader(Stream stream)
{
    private const int Incomplete = -2;

    private static readonly byte[] s_signature = CopyFields.Signature;

    private byte[] _buffer = new byte[1 << 18];
    private int _start;
    private int _end;

    /// <summary>Offsets (from the tuple start) of each field's length word in the current tuple.</summary>
    public int[] FieldOffsets { get; private set; } = new int[32];

    /// <summary>The current tuple, <paramref name="length"/> bytes from its start (the field count included).</summary>
    public ReadOnlySpan<byte> Tuple(int length) => _buffer.AsSpan(_start, length);

    public async ValueTask ReadHeaderAsync(CancellationToken cancellationToken)
    {
        while (_end - _start < 19)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException("The source did not send a binary COPY header.");
            }
        }

        if (!_buffer.AsSpan(_start, 11).SequenceEqual(s_signature))
        {
            throw new InvalidDataException("The source did not send a binary COPY header.");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start + 15));
        while (_end - _start < 19 + extension)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException("The binary COPY header is truncated.");
            }
        }

        _start += 19 + extension;
    }

    /// <summary>Reads the next tuple; returns its length in bytes, or -1 at the end of the stream.</summary>
    public async ValueTask<int> ReadTupleAsync(CancellationToken cancellationToken)
    {
        int length;
        while (!TryReadTuple(out length))
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw Truncated();
            }
        }

        return length;
    }

    /// <summary>
    /// Parses the next tuple if it is wholly in the buffer: true with its <paramref name="length"/> in bytes (-1 for the
    /// trailer), false when <see cref="FillAsync"/> must read more first.
    /// </summary>
    public bool TryReadTuple(out int length)
    {
        length = TryParse();
        return length != Incomplete;
    }

    /// <summary>Moves past the current tuple.</summary>
    public void Advance(int length) => _start += length;

    /// <summary>The error for a stream that ends before its trailer.</summary>
    public static InvalidDataException Truncated() => new("The binary COPY stream ended inside a tuple or without its trailer.");

    /// <summary>
    /// Reads more bytes after the buffered ones, first moving the current tuple to the buffer start and growing the
    /// buffer when a single tuple fills it. Returns false at the end of the stream.
    /// </summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_start > 0 && _end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    // Parses the tuple at _start if it is wholly in the buffer: its length, -1 for the trailer, or Incomplete.
    private int TryParse()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        if (span.Length < 2)
        {
            return Incomplete;
        }

        int count = BinaryPrimitives.ReadInt16BigEndian(span);
        if (count == -1)
        {
            return -1;
        }

        if (count > FieldOffsets.Length)
        {
            FieldOffsets = new int[count];
        }

        var offsets = FieldOffsets;
        var position = 2;
        for (var i = 0; i < count; i++)
        {
            if (position + 4 > span.Length)
            {
                return Incomplete;
            }

            offsets[i] = position;
            var length = BinaryPrimitives.ReadInt32BigEndian(span[position..]);
            position += 4 + Math.Max(length, 0);
        }

        return position <= span.Length ? position : Incomplete;
    }
}
