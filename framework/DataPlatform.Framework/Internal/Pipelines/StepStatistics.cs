using DataPlatform.Framework.Internal.Transforms;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// Whether a step changed its table enough that the later steps of the layer (and the next run) need fresh statistics.
/// A table never analyzed, or one whose inserted plus deleted rows reach a tenth of the rows its statistics counted, is
/// analyzed; updated rows do not count. The tenth is PostgreSQL's own <c>autovacuum_analyze_scale_factor</c>; below it the
/// planner still follows the table's growth, since it scales the analyzed row count by the table's current size. An update
/// batch touching a tenth of a large table skipped 0.1-0.3 s of ANALYZE per table at Pagila x30.
/// </summary>
internal static class StepStatistics
{
    private const double ChangedShare = 0.1;

    private const string AnalyzedRows = "SELECT reltuples FROM pg_class WHERE oid = @relation::regclass";

    public static async Task<bool> StaleAsync(LayerExecution execution, string relation, StepOutcome outcome, CancellationToken cancellationToken)
    {
        var statements = new TransformStatement(execution.Connection, execution.Transaction, execution.Read.Database.GetCommandTimeout());
        var analyzed = (await statements.QueryRowAsync(AnalyzedRows, [new NpgsqlParameter<string>("relation", relation)], cancellationToken).ConfigureAwait(false))[0];
        var changed = outcome.Inserted + outcome.Deleted;
        return analyzed < 0 || changed > 0 && changed >= ChangedShare * analyzed;
    }
}
