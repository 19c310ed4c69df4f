using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// Which tables need fresh statistics before, or after, a layer's steps.
/// <list type="bullet">
/// <item>After a step: its table when it was never analyzed, or when the step's inserted plus deleted rows reach a tenth of
/// the rows its statistics counted; updated rows do not count. The tenth is PostgreSQL's own
/// <c>autovacuum_analyze_scale_factor</c>; below it the planner still follows the table's growth, since it scales the
/// analyzed row count by the table's current size. An update batch touching a tenth of a large table skipped 0.1-0.3 s of
/// ANALYZE per table at Pagila x30.</item>
/// <item>Before a layer: the lower layers' tables it reads, when they have no column statistics or their size in pages has
/// moved by a tenth since the last ANALYZE or VACUUM. The layer that wrote them analyzed what its steps changed by a tenth;
/// bronze grows by appends. A run after a small batch no longer re-analyzes every input (about 0.8 s per layer at x30).</item>
/// </list>
/// </summary>
internal static class StepStatistics
{
    private const double ChangedShare = 0.1;

    private const string AnalyzedRows = "SELECT reltuples FROM pg_class WHERE oid = @relation::regclass";

    private const string StaleInputs = """
        SELECT t FROM unnest(@tables) AS t
        JOIN pg_class AS c ON c.oid = t::regclass
        JOIN pg_namespace AS n ON n.oid = c.relnamespace
        WHERE c.reltuples < 0
           OR NOT EXISTS (SELECT 1 FROM pg_stats AS s WHERE s.schemaname = n.nspname AND s.tablename = c.relname)
           OR abs(pg_relation_size(c.oid) / current_setting('block_size')::bigint - c.relpages) >= greatest(1, @share * c.relpages)
        """;

    public static async Task<IReadOnlyList<string>> StaleInputsAsync(LayerExecution execution, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        if (tables.Count == 0)
        {
            return [];
        }

        var statements = execution.Statements;
        var rows = await statements.QueryAsync(
            StaleInputs, [new NpgsqlParameter<string[]>("tables", [.. tables]), new NpgsqlParameter<double>("share", ChangedShare)], cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (string)r[0]).ToList();
    }

    public static async Task<bool> StaleAsync(LayerExecution execution, string relation, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var statements = execution.Statements;
        var analyzed = (await statements.QueryRowAsync(AnalyzedRows, [new NpgsqlParameter<string>("relation", relation)], cancellationToken).ConfigureAwait(false))[0];
        var changed = outcome.Inserted + outcome.Deleted;
        return analyzed < 0 || changed > 0 && changed >= ChangedShare * analyzed;
    }
}
