using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// SHA-256 (FIPS 180-4) of up to <see cref="Width"/> messages at once, one message per lane of a <see cref="Vector256{T}"/>
/// (multi-buffer hashing). The extractor hashes every row of a full extraction; through OpenSSL each row costs three
/// native calls on a shared digest object, and two extractions hashing in parallel slow each other down about twofold.
/// Eight short rows hashed side by side cost less than one of those calls each. Results are plain SHA-256 (tests compare
/// them with <see cref="System.Security.Cryptography.SHA256"/>). Use it only where <see cref="IsSupported"/>.
/// </summary>
internal sealed class Sha256Lanes
{
    /// <summary>The number of messages hashed together.</summary>
    public const int Width = 8;

    /// <summary>The digest size in bytes.</summary>
    public const int HashSize = 32;

    private static readonly uint[] s_roundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] s_initialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    // Per lane: the message with its padding (0x80, zeros, 64-bit big-endian bit length), grown as needed.
    private readonly byte[][] _padded = [.. Enumerable.Range(0, Width).Select(_ => new byte[256])];
    private readonly int[] _blocks = new int[Width];
    private readonly uint[] _words = new uint[16 * Width];
    private readonly uint[] _digest = new uint[8 * Width];

    /// <summary>Whether 256-bit vectors run in hardware here (otherwise this is slower than OpenSSL).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Hashes <paramref name="count"/> (1 to <see cref="Width"/>) messages, message <c>i</c> being
    /// <c>source[offsets[i] .. offsets[i] + lengths[i]]</c>, and writes digest <c>i</c> to
    /// <c>destination[targets[i] .. targets[i] + 32]</c>.
    /// </summary>
    public void Hash(ReadOnlySpan<byte> source, ReadOnlySpan<int> offsets, ReadOnlySpan<int> lengths, int count, Span<byte> destination, ReadOnlySpan<int> targets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Width);

        var maxBlocks = 0;
        for (var lane = 0; lane < Width; lane++)
        {
            _blocks[lane] = lane < count ? Pad(lane, source.Slice(offsets[lane], lengths[lane])) : 0;
            maxBlocks = Math.Max(maxBlocks, _blocks[lane]);
        }

        Span<Vector256<uint>> state = stackalloc Vector256<uint>[8];
        for (var i = 0; i < 8; i++)
        {
            state[i] = Vector256.Create(s_initialState[i]);
        }

        var blockCounts = Vector256.Create(_blocks.AsSpan());
        for (var block = 0; block < maxBlocks; block++)
        {
            LoadWords(block);
            var active = Vector256.GreaterThan(blockCounts, Vector256.Create((int)block)).AsUInt32();
            Compress(state, active);
        }

        for (var i = 0; i < 8; i++)
        {
            state[i].CopyTo(_digest.AsSpan(i * Width, Width));
        }

        for (var lane = 0; lane < count; lane++)
        {
            var digest = destination.Slice(targets[lane], HashSize);
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], _digest[(i * Width) + lane]);
            }
        }
    }

    // Copies one message into its lane's buffer with the SHA-256 padding and turns it into big-endian words in place
    // (one vectorized pass); returns its number of 64-byte blocks.
    private int Pad(int lane, ReadOnlySpan<byte> message)
    {
        var blocks = (message.Length + 9 + 63) / 64;
        var size = blocks * 64;
        if (_padded[lane].Length < size)
        {
            _padded[lane] = new byte[Math.Max(size, _padded[lane].Length * 2)];
        }

        var padded = _padded[lane].AsSpan(0, size);
        message.CopyTo(padded);
        padded[message.Length] = 0x80;
        padded[(message.Length + 1)..(size - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(padded[(size - 8)..], (ulong)message.Length * 8);
        if (BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<byte, uint>(padded);
            BinaryPrimitives.ReverseEndianness(words, words);
        }

        return blocks;
    }

    // Transposes word t of block `block` of every lane into _words[t * Width + lane] (zero for lanes already done).
    private void LoadWords(int block)
    {
        for (var lane = 0; lane < Width; lane++)
        {
            if (block < _blocks[lane])
            {
                var words = MemoryMarshal.Cast<byte, uint>(_padded[lane].AsSpan(block * 64, 64));
                for (var t = 0; t < 16; t++)
                {
                    _words[(t * Width) + lane] = words[t];
                }
            }
            else
            {
                for (var t = 0; t < 16; t++)
                {
                    _words[(t * Width) + lane] = 0;
                }
            }
        }
    }

    // One compression of the current block in every lane; lanes outside `active` keep their state.
    private void Compress(Span<Vector256<uint>> state, Vector256<uint> active)
    {
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        for (var t = 0; t < 16; t++)
        {
            w[t] = Vector256.Create(_words.AsSpan(t * Width, Width));
        }

        var a = state[0];
        var b = state[1];
        var c = state[2];
        var d = state[3];
        var e = state[4];
        var f = state[5];
        var g = state[6];
        var h = state[7];
        var k = s_roundConstants;
        for (var t = 0; t < 64; t++)
        {
            Vector256<uint> word;
            if (t < 16)
            {
                word = w[t];
            }
            else
            {
                var w2 = w[(t - 2) & 15];
                var w15 = w[(t - 15) & 15];
                word = (Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10))
                    + w[(t - 7) & 15]
                    + (Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3))
                    + w[t & 15];
                w[t & 15] = word;
            }

            var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ Vector256.AndNot(g, e)) + Vector256.Create(k[t]) + word;
            var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & (b | c)) | (b & c));
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        state[0] = Vector256.ConditionalSelect(active, state[0] + a, state[0]);
        state[1] = Vector256.ConditionalSelect(active, state[1] + b, state[1]);
        state[2] = Vector256.ConditionalSelect(active, state[2] + c, state[2]);
        state[3] = Vector256.ConditionalSelect(active, state[3] + d, state[3]);
        state[4] = Vector256.ConditionalSelect(active, state[4] + e, state[4]);
        state[5] = Vector256.ConditionalSelect(active, state[5] + f, state[5]);
        state[6] = Vector256.ConditionalSelect(active, state[6] + g, state[6]);
        state[7] = Vector256.ConditionalSelect(active, state[7] + h, state[7]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte n) =>
        Avx512F.VL.IsSupported
            ? Avx512F.VL.RotateRight(x, n)
            : Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}
