using Npgsql;

namespace DataPlatform.Datakits.Pagila.Bronze.Extraction;

/// <summary>
/// Hands out <c>bronze_id</c> values for the rows the extractor appends, taken in blocks from the column's identity
/// sequence (one round trip per block instead of a <c>nextval</c> per row). Blocks grow from 1,024 to 262,144 ids, so a
/// small table wastes few ids. The ids still come from the sequence, so they are unique and increase in append order
/// together with the ids the identity default hands out (the <c>delete</c> rows, rows added through EF Core).
/// </summary>
/// <remarks>
/// A block is taken with <c>setval(seq, nextval(seq) + n - 1)</c> on a connection of its own (sequence changes are not
/// transactional). Extractions of one table are serialized by an advisory lock; a writer that bypasses the extractor and
/// calls <c>nextval</c> in the microseconds between the two calls would get an id inside the block, and the primary key
/// would reject the second of the two rows rather than let them share an id.
/// </remarks>
internal sealed class BronzeIdBlocks(NpgsqlDataSource warehouse, string sequence)
{
    private const int FirstBlock = 1 << 10;
    private const int LargestBlock = 1 << 18;

    private int _blockSize = FirstBlock;
    private long _next = 1;
    private long _last;

    /// <summary>The identity sequence of a bronze table's <c>bronze_id</c>.</summary>
    public const string SequenceOf = "SELECT pg_get_serial_sequence(@table, 'bronze_id')";

    /// <summary>Takes the next id, or returns false when the current block is used up (then call <see cref="ReserveAsync"/>).</summary>
    public bool TryTake(out long id)
    {
        if (_next <= _last)
        {
            id = _next++;
            return true;
        }

        id = 0;
        return false;
    }

    /// <summary>Reserves the next block.</summary>
    public async ValueTask ReserveAsync(CancellationToken cancellationToken)
    {
        var command = warehouse.CreateCommand("SELECT setval(@sequence::regclass, nextval(@sequence::regclass) + @count - 1)");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("sequence", sequence);
            command.Parameters.AddWithValue("count", (long)_blockSize);
            _last = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            _next = _last - _blockSize + 1;
            _blockSize = Math.Min(_blockSize * 2, LargestBlock);
        }
    }
}
