using System.Diagnostics;
using DataPlatform.Framework.Internal.Telemetry;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Extraction.Internal;

/// <summary>Runs the table extractions of one batch, in parallel (bounded), largest source table first.</summary>
internal static class ExtractionEngine
{
    public static async Task<IReadOnlyList<TableResult>> RunAsync(
        IReadOnlyList<BronzeTablePlan> plans,
        NpgsqlDataSource source,
        NpgsqlDataSource warehouse,
        BatchLedger ledger,
        long batchId,
        bool fullRefresh,
        int maxDegreeOfParallelism,
        IPipelineProgress? progress,
        ILogger logger,
        Func<CancellationToken, Task>? beforeCommit,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ExtractionLog.RunStarting(logger, batchId, plans.Count, fullRefresh);
        await SourceTypes.VerifyAsync(source, warehouse, plans, cancellationToken).ConfigureAwait(false);
        var cursorLimit = await CursorLimitAsync(source, cancellationToken).ConfigureAwait(false);
        var sizes = await SourceSizesAsync(source, plans, cancellationToken).ConfigureAwait(false);

        // Largest tables first, so the parallel slots finish together.
        var work = plans.Select((plan, index) => (Plan: plan, Index: index))
            .OrderByDescending(w => sizes.GetValueOrDefault(w.Plan.SourceTableName))
            .ToList();
        var results = new TableResult[plans.Count];
        await Parallel.ForEachAsync(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                progress?.TableStarted("bronze", item.Plan.Table);
                var extraction = new TableExtraction(item.Plan, source, warehouse, ledger, batchId, fullRefresh, logger, cursorLimit, beforeCommit);
                TableResult result;
                using (var activity = PipelineTelemetry.StartTable("bronze", item.Plan.Table))
                {
                    try
                    {
                        result = await extraction.RunAsync(token).ConfigureAwait(false);
                    }
                    catch (Exception exception)
                    {
                        PipelineTelemetry.Fail(activity, exception);
                        throw;
                    }
                }

                results[item.Index] = result;
                progress?.TableCompleted(result);
            }).ConfigureAwait(false);

        ExtractionLog.RunFinished(logger, batchId, results.Sum(r => r.RowsRead), results.Sum(r => r.RowsWritten), clock.Elapsed.TotalSeconds);
        return results;
    }

    private static async Task<DateTime> CursorLimitAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var command = source.CreateCommand(BronzeSql.CursorLimit);
        await using (command.ConfigureAwait(false))
        {
            return (DateTime)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    private static async Task<Dictionary<string, long>> SourceSizesAsync(NpgsqlDataSource source, IReadOnlyList<BronzeTablePlan> plans, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var schema in plans.Select(p => p.SourceSchema).Distinct(StringComparer.Ordinal))
            {
                var command = new NpgsqlCommand(BronzeSql.SourceSizes, connection);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("schema", schema);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            sizes[schema + "." + reader.GetString(0)] = reader.GetInt64(1);
                        }
                    }
                }
            }
        }

        return sizes;
    }
}
