namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>
/// The per-row work of one table's copy, synchronous over the tuples a <see cref="CopyTupleReader"/> has buffered: move
/// the cursor, hash, skip a re-read row whose latest bronze version has the same hash, and write the rest with the
/// bronze metadata. Kept out of the copy's async loop, which only awaits reads and sends.
/// </summary>
internal sealed class TupleForwarder
{
    private readonly BronzeTablePlan _plan;
    private readonly ExtractionCursor _cursor;
    private readonly Dictionary<byte[], byte[]>.AlternateLookup<ReadOnlySpan<byte>>? _latest;
    private readonly short _fieldCount;
    private readonly byte[] _suffix;
    private readonly byte[] _hash = new byte[RecordHasher.Size];
    private byte[] _key = new byte[64];

    /// <param name="plan">The table.</param>
    /// <param name="cursor">Moved to the maximum cursor value read.</param>
    /// <param name="latest">Keys and hashes of the latest bronze versions a re-read row can equal, or null to write every row.</param>
    /// <param name="batchId">The batch stamped on every row written.</param>
    public TupleForwarder(BronzeTablePlan plan, ExtractionCursor cursor, Dictionary<byte[], byte[]>? latest, long batchId)
    {
        _plan = plan;
        _cursor = cursor;
        _latest = latest?.GetAlternateLookup<ReadOnlySpan<byte>>();
        _fieldCount = (short)(plan.Columns.Count + 3);
        _suffix = CopyFields.MetadataSuffix(batchId, "upsert");
    }

    public long Read { get; private set; }

    public long Inserted { get; private set; }

    public long Unchanged { get; private set; }

    /// <summary>Forwards every complete tuple in the reader's buffer; returns true once the trailer is reached.</summary>
    public bool ForwardBuffered(CopyTupleReader reader, CopyTupleWriter writer)
    {
        while (reader.TryReadTuple(out var length))
        {
            if (length < 0)
            {
                return true;
            }

            Read++;
            var tuple = reader.Tuple(length);
            _cursor.Observe(tuple, reader.FieldOffsets);
            if (_latest is not { } latest)
            {
                writer.WriteTuple(tuple, _fieldCount, default, _suffix);
                Inserted++;
            }
            else
            {
                RecordHasher.Hash(tuple[2..], _hash);
                var keyLength = _plan.KeyOf(tuple, reader.FieldOffsets, ref _key);
                if (latest.TryGetValue(_key.AsSpan(0, keyLength), out var previous) && previous.AsSpan().SequenceEqual(_hash))
                {
                    Unchanged++;
                }
                else
                {
                    writer.WriteTuple(tuple, _fieldCount, _hash, _suffix);
                    Inserted++;
                }
            }

            reader.Advance(length);
        }

        return false;
    }
}
