using System.Globalization;
using Npgsql;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// How a write step treats the target's foreign keys and secondary indexes, chosen by the size of the staged batch against
/// the target's size.
/// <list type="bullet">
/// <item>A small batch keeps both: every row is checked by the foreign keys' triggers as it is written, and readers keep
/// reading the previous state (the step takes only <c>ROW EXCLUSIVE</c> on the target).</item>
/// <item>A large batch (at least <see cref="MinimumRows"/> new rows, and at least 1/<see cref="TargetRowsPerBatchRow"/> of
/// the target) drops the target's foreign keys, writes, and adds them back; adding a foreign key checks every row of the
/// table with one join, instead of one index probe per written row. When the target holds at most a quarter of the new rows,
/// its non-unique indexes that back no constraint are also dropped and rebuilt after the write. Dropping a foreign key
/// takes <c>ACCESS EXCLUSIVE</c> on the target and on the table it references, held until the layer commits: concurrent
/// readers of those tables wait for the commit (and then see the whole batch), they never see a partial one.</item>
/// </list>
/// Either way the committed tables satisfy every constraint: a violation fails the step and the layer rolls back.
/// </summary>
internal sealed class BulkWritePolicy
{
    /// <summary>The least new rows for which dropping and re-adding the foreign keys pays off.</summary>
    public const long MinimumRows = 10_000;

    /// <summary>A batch of n new rows is large when the target holds at most n × this many rows.</summary>
    public const long TargetRowsPerBatchRow = 20;

    private readonly TransformStatement _statements;
    private readonly TargetTable _table;
    private readonly IReadOnlyList<(string Name, string Definition)> _foreignKeys;
    private readonly IReadOnlyList<(string Name, string Definition)> _indexes;

    private BulkWritePolicy(TransformStatement statements, TargetTable table, IReadOnlyList<(string Name, string Definition)> foreignKeys, IReadOnlyList<(string Name, string Definition)> indexes)
    {
        _statements = statements;
        _table = table;
        _foreignKeys = foreignKeys;
        _indexes = indexes;
    }

    /// <summary>Whether the batch is written with the foreign keys dropped (the bulk path).</summary>
    public bool IsBulk => _foreignKeys.Count > 0 || _indexes.Count > 0;

    /// <summary>
    /// Chooses the path for <paramref name="inserts"/> new rows (of the staged batch) into <paramref name="table"/> and, for a
    /// large batch, drops the foreign keys (and, into a nearly empty target, the secondary indexes). <see cref="RestoreAsync"/>
    /// puts them back. Only new rows pay the foreign keys' checks (an update checks a key only when it changes it): a
    /// recomputed table whose rows are mostly held already is written row by row.
    /// </summary>
    public static async Task<BulkWritePolicy> PrepareAsync(TransformStatement statements, TargetTable table, long inserts, CancellationToken cancellationToken)
    {
        if (inserts < MinimumRows)
        {
            return new BulkWritePolicy(statements, table, [], []);
        }

        // Counting stops past the size that makes the batch small, so a huge target costs no full scan.
        var limit = inserts * TargetRowsPerBatchRow;
        var existing = (await statements.QueryRowAsync(
            string.Create(CultureInfo.InvariantCulture, $"SELECT count(*) FROM (SELECT 1 FROM {table.QualifiedName} LIMIT {limit + 1}) AS t"), [], cancellationToken)
            .ConfigureAwait(false))[0];
        if (existing > limit)
        {
            return new BulkWritePolicy(statements, table, [], []);
        }

        var foreignKeys = await DefinitionsAsync(
            statements,
            "SELECT conname::text, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = @table::regclass AND contype = 'f' ORDER BY conname",
            table,
            cancellationToken).ConfigureAwait(false);
        var indexes = existing * 4 > inserts
            ? []
            : await DefinitionsAsync(
                statements,
                """
                SELECT i.relname::text, pg_get_indexdef(i.oid)
                FROM pg_index AS x JOIN pg_class AS i ON i.oid = x.indexrelid
                WHERE x.indrelid = @table::regclass AND NOT x.indisunique AND NOT x.indisprimary
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = x.indexrelid)
                ORDER BY i.relname
                """,
                table,
                cancellationToken).ConfigureAwait(false);

        if (foreignKeys.Count > 0)
        {
            await statements.ExecuteAsync(
                $"ALTER TABLE {table.QualifiedName} " + string.Join(", ", foreignKeys.Select(f => "DROP CONSTRAINT " + Naming.SqlIdentifier.Quote(f.Name))),
                [],
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, _) in indexes)
        {
            await statements.ExecuteAsync($"DROP INDEX {Naming.SqlIdentifier.Quote(table.Schema, name)}", [], cancellationToken).ConfigureAwait(false);
        }

        return new BulkWritePolicy(statements, table, foreignKeys, indexes);
    }

    /// <summary>Rebuilds the dropped indexes, then adds the foreign keys back, each checked over the whole table.</summary>
    /// <exception cref="PostgresException">A row violates a foreign key (SQLSTATE 23503, naming the constraint and the key).</exception>
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, definition) in _indexes)
        {
            await _statements.ExecuteAsync(definition, [], cancellationToken).ConfigureAwait(false);
        }

        if (_foreignKeys.Count > 0)
        {
            await _statements.ExecuteAsync(
                $"ALTER TABLE {_table.QualifiedName} " + string.Join(", ", _foreignKeys.Select(f => $"ADD CONSTRAINT {Naming.SqlIdentifier.Quote(f.Name)} {f.Definition}")),
                [],
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<(string Name, string Definition)>> DefinitionsAsync(TransformStatement statements, string sql, TargetTable table, CancellationToken cancellationToken)
    {
        var rows = await statements.QueryAsync(sql, [new NpgsqlParameter<string>("table", table.QualifiedName)], cancellationToken).ConfigureAwait(false);
        return rows.Select(r => ((string)r[0], (string)r[1])).ToList();
    }
}
