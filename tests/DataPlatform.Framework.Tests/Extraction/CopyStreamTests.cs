using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using DataPlatform.Framework.Extraction;
using DataPlatform.Framework.Extraction.Internal;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.Framework.Tests.Extraction;

/// <summary>
/// The engine's binary COPY handling against real server streams: tuples split across reads at every byte, tuples far
/// larger than the buffers, NULLs, and enough rows that the writer sends many chunks.
/// </summary>
public sealed class CopyStreamTests(PostgresServer server)
{
    private const int LargeText = 300_000;
    private const int LargeBytes = 700_000;
    private const int SmallRows = 3_000;

    private static readonly BronzeLayer<ExtractionBronzeContext> s_blobs =
        new BronzeLayer<ExtractionBronzeContext>().Table<Blob>(ExtractionPolicy.Snapshot());

    [Fact]
    public async Task Tuples_split_at_any_byte_read_the_same_as_whole_ones_and_a_truncated_stream_is_an_error()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_split", ct);
        await FillAsync(db);
        byte[] stream;
        await using (var connection = await db.Source.OpenConnectionAsync(ct))
        await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY (SELECT blob_id, note, payload FROM src.blob ORDER BY blob_id) TO STDOUT (FORMAT BINARY)", ct))
        using (var buffer = new MemoryStream())
        {
            await copy.CopyToAsync(buffer, ct);
            stream = buffer.ToArray();
        }

        var whole = await ReadAllAsync(new MemoryStream(stream), ct);
        Assert.Equal(SmallRows + 2, whole.Count);
        Assert.Contains(whole, t => t.Length > LargeBytes);

        foreach (var chunk in new[] { 1, 3, 4093 })
        {
            Assert.Equal(whole, await ReadAllAsync(new TrickleStream(stream, chunk), ct));
        }

        await Assert.ThrowsAsync<InvalidDataException>(async () => await ReadAllAsync(new TrickleStream(stream[..(stream.Length / 2)], 4093), ct));
    }

    [Fact]
    public async Task Large_values_and_NULLs_arrive_intact_with_their_record_hashes_and_a_rerun_finds_every_row_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_large", ct);
        await FillAsync(db);

        var (_, first) = await db.RunAsync(s_blobs);
        Assert.Equal((SmallRows + 2L, SmallRows + 2L), (first[0].RowsRead, first[0].RowsWritten));

        const string Digest = "SELECT string_agg(blob_id || ':' || coalesce(md5(note), '-') || ':' || coalesce(md5(payload), '-'), ',' ORDER BY blob_id) FROM ";
        Assert.Equal(
            await db.Source.ScalarAsync<string>(Digest + "src.blob", ct),
            await db.Warehouse.ScalarAsync<string>(Digest + ExtractionDatabases.Bronze + ".blob", ct));

        var expected = new Dictionary<int, string>();
        await using (var connection = await db.Source.OpenConnectionAsync(ct))
        await using (var command = new NpgsqlCommand("SELECT blob_id, note, payload FROM src.blob", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                var idBytes = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(idBytes, id);
                expected[id] = Convert.ToHexString(Hash(
                    idBytes,
                    reader.IsDBNull(1) ? null : Encoding.UTF8.GetBytes(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2)));
            }
        }

        var actual = new Dictionary<int, string>();
        await using (var connection = await db.Warehouse.OpenConnectionAsync(ct))
        await using (var command = new NpgsqlCommand($"SELECT blob_id, upper(encode(dp_record_hash, 'hex')) FROM {ExtractionDatabases.Bronze}.blob", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                actual[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));

        var (_, rerun) = await db.RunAsync(s_blobs);
        Assert.Equal((SmallRows + 2L, 0L, SmallRows + 2L, 0L), (rerun[0].RowsRead, rerun[0].RowsWritten, rerun[0].RowsUnchanged, rerun[0].RowsDeleted));
    }

    // Row 1: all NULLs; row 2: a 300 000-character text and a 700 000-byte bytea (larger than the reader's and the
    // writer's buffers); then small rows, together several of the writer's chunks.
    private static Task<int> FillAsync(ExtractionDatabases db) => db.SourceAsync($"""
        INSERT INTO src.blob VALUES (1, NULL, NULL);
        INSERT INTO src.blob SELECT 2, repeat('ä', {LargeText}), (SELECT string_agg(sha256(int4send(g))::bytea, ''::bytea) FROM generate_series(1, {LargeBytes / 32 + 1}) g);
        INSERT INTO src.blob SELECT g + 2, CASE WHEN g % 7 = 0 THEN NULL ELSE repeat('x', g % 300) END, CASE WHEN g % 5 = 0 THEN NULL ELSE sha256(int4send(g)) END
        FROM generate_series(1, {SmallRows}) g;
        """);

    private static byte[] Hash(params byte[]?[] fields)
    {
        var bytes = new List<byte>();
        foreach (var value in fields)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, value?.Length ?? -1);
            bytes.AddRange(length);
            bytes.AddRange(value ?? []);
        }

        return XxHash128.Hash([.. bytes]);
    }

    private static async Task<List<byte[]>> ReadAllAsync(Stream stream, CancellationToken ct)
    {
        var reader = new CopyTupleReader(stream);
        await reader.ReadHeaderAsync(ct);
        var tuples = new List<byte[]>();
        int length;
        while ((length = await reader.ReadTupleAsync(ct)) >= 0)
        {
            var tuple = reader.Tuple(length);
            Assert.Equal(3, BinaryPrimitives.ReadInt16BigEndian(tuple));
            Assert.Equal(2, reader.FieldOffsets[0]);
            Assert.Equal(length, reader.FieldOffsets[2] + CopyFields.FieldSize(tuple, reader.FieldOffsets[2]));
            tuples.Add(tuple.ToArray());
            reader.Advance(length);
        }

        return tuples;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
