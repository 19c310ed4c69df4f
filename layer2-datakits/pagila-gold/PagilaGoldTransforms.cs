using DataPlatform.Datakits.Pagila.Gold.Transforms;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>
/// Entry point of the silver → gold step for the warehouse host (run it right after the silver step). Builds the star
/// schema of DESIGN.md §5 from the current silver state in ONE transaction together with the ledger rows (layer
/// <c>gold</c>, one per table): <c>dim_date</c>, <c>dim_customer</c> (SCD type 2), <c>dim_film</c>, <c>dim_store</c>,
/// <c>dim_staff</c>, <c>fact_rental</c>, <c>fact_payment</c>. A rerun over unchanged silver changes nothing.
/// </summary>
/// <example><code>
/// await PagilaSilverTransforms.RunAsync(dataSource, batchId, ledger, runTime, loggerFactory, ct);
/// var gold = await PagilaGoldTransforms.RunAsync(dataSource, batchId, ledger, runTime, loggerFactory, ct);
/// </code></example>
public static class PagilaGoldTransforms
{
    /// <summary>The gold tables in the order their results (and ledger rows) are reported.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["dim_date", "dim_customer", "dim_film", "dim_store", "dim_staff", "fact_rental", "fact_payment"];

    private static readonly string[] s_silverTables =
        ["country", "city", "address", "language", "category", "film", "film_actor", "film_category", "store", "staff", "customer", "inventory", "rental", "payment"];

    /// <summary>
    /// Brings gold up to date with silver and records per-table counts in <paramref name="ledger"/> for
    /// <paramref name="batchId"/> inside the same transaction. The silver and gold schemas must be deployed.
    /// </summary>
    /// <param name="dataSource">The warehouse database (silver and gold live in it).</param>
    /// <param name="batchId">The ledger batch of this run.</param>
    /// <param name="ledger">The batch ledger, or null to skip recording (tests).</param>
    /// <param name="runTime">The run time (UTC): when changed customers' old versions end and new ones begin; defaults to now.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="cancellationToken">Cancels the run (the transaction rolls back).</param>
    /// <returns>One result per table, in <see cref="Tables"/> order.</returns>
    public static async Task<IReadOnlyList<PagilaGoldTableResult>> RunAsync(
        NpgsqlDataSource dataSource,
        long batchId,
        BatchLedger? ledger,
        DateTime? runTime = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var source = new PagilaGoldSources(new DbContextOptionsBuilder<PagilaGoldSources>()
                .UseNpgsql(connection)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options);
            await using (source.ConfigureAwait(false))
            {
                var target = new PagilaGoldContext(new DbContextOptionsBuilder<PagilaGoldContext>().UseNpgsql(connection).Options);
                await using (target.ConfigureAwait(false))
                {
                    var transaction = await source.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        var context = new TransformContext(batchId, runTime ?? DateTime.UtcNow);
                        var steps = await RunStepsAsync(source, target, context, new TransformRunner(loggerFactory), cancellationToken).ConfigureAwait(false);
                        if (ledger is not null)
                        {
                            await RecordAsync(ledger, batchId, steps, (NpgsqlTransaction)transaction.GetDbTransaction(), cancellationToken).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return steps.Select(s => s.Result).ToList();
                    }
                }
            }
        }
    }

    // Order matters: dimensions before the facts that look up their keys (dim_date before any fact references a day),
    // stale facts removed before dim_date drops days outside the new range.
    private static async Task<IReadOnlyList<GoldStep>> RunStepsAsync(
        PagilaGoldSources source, PagilaGoldContext target, TransformContext context, TransformRunner runner, CancellationToken cancellationToken)
    {
        await source.Database.ExecuteSqlRawAsync(Analyze(SchemaNames.For("pagila", DatakitLayer.Silver), s_silverTables), cancellationToken)
            .ConfigureAwait(false);

        var date = await StepAsync("dim_date", () => runner.RunAsync(new DimDateTransform(), source, target, context, null, cancellationToken)).ConfigureAwait(false);
        var customer = await Scd2StepAsync(() => runner.MergeScd2Async(new DimCustomerTransform(), source, target, context, null, cancellationToken))
            .ConfigureAwait(false);
        var film = await StepAsync("dim_film", () => runner.RunAsync(new DimFilmTransform(), source, target, context, null, cancellationToken)).ConfigureAwait(false);
        var store = await StepAsync("dim_store", () => runner.RunAsync(new DimStoreTransform(), source, target, context, null, cancellationToken)).ConfigureAwait(false);
        var staff = await StepAsync("dim_staff", () => runner.RunAsync(new DimStaffTransform(), source, target, context, null, cancellationToken)).ConfigureAwait(false);

        var gold = SchemaNames.For("pagila", DatakitLayer.Gold);
        await source.Database.ExecuteSqlRawAsync(Analyze(gold, ["dim_date", "dim_customer", "dim_film", "dim_store", "dim_staff"]), cancellationToken)
            .ConfigureAwait(false);

        var rental = await StepAsync(
            "fact_rental",
            () => runner.RunAsync(new FactRentalTransform(), source, target, context, null, cancellationToken),
            () => GoldDeletes.StaleRentalsAsync(source, cancellationToken)).ConfigureAwait(false);
        var payment = await StepAsync(
            "fact_payment",
            () => runner.RunAsync(new FactPaymentTransform(), source, target, context, null, cancellationToken),
            () => GoldDeletes.StalePaymentsAsync(source, cancellationToken)).ConfigureAwait(false);

        // The deletion of days outside the new range must wait for the facts; dim_date's recorded interval stays that of its
        // upsert (a single DELETE), so it does not span the fact steps in between.
        var daysDeleted = await GoldDeletes.DaysOutsideRangeAsync(source, cancellationToken).ConfigureAwait(false);
        date = date with { Result = date.Result with { RowsDeleted = daysDeleted } };

        return [date, customer, film, store, staff, rental, payment];
    }

    private static async Task<GoldStep> StepAsync(string table, Func<Task<TransformResult>> run, Func<Task<int>>? delete = null)
    {
        var started = DateTime.UtcNow;
        var result = await run().ConfigureAwait(false);
        var deleted = delete is null ? 0 : await delete().ConfigureAwait(false);
        return new GoldStep(
            new PagilaGoldTableResult(result.Table, result.RowsRead, result.RowsWritten, result.RowsInserted, result.RowsUpdated, deleted, result.RowsQuarantined),
            started,
            DateTime.UtcNow);
    }

    private static async Task<GoldStep> Scd2StepAsync(Func<Task<Scd2Result>> merge)
    {
        var started = DateTime.UtcNow;
        var result = await merge().ConfigureAwait(false);
        var written = result.RowsRead - result.RowsQuarantined;
        return new GoldStep(
            new PagilaGoldTableResult(
                result.Table,
                result.RowsRead,
                written,
                result.FirstVersions + result.NewVersions,
                result.NewVersions + result.Closed,
                0,
                result.RowsQuarantined,
                result),
            started,
            DateTime.UtcNow);
    }

    private static async Task RecordAsync(
        BatchLedger ledger, long batchId, IEnumerable<GoldStep> steps, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            await ledger.RecordTableAsync(
                batchId,
                new BatchTableEntry
                {
                    Layer = "gold",
                    TableName = step.Result.Table,
                    RowsRead = step.Result.RowsRead,
                    RowsWritten = step.Result.RowsWritten,
                    RowsQuarantined = step.Result.RowsQuarantined,
                    StartedAt = step.StartedAt,
                    FinishedAt = step.FinishedAt,
                },
                transaction.Connection!,
                transaction,
                cancellationToken).ConfigureAwait(false);
        }
    }

    // Freshly written tables have no statistics yet: without them the planner picks nested loops for the key lookups.
    private static string Analyze(string schema, IEnumerable<string> tables) =>
        "ANALYZE " + string.Join(", ", tables.Select(t => SqlIdentifier.Quote(schema, t)));

    private sealed record GoldStep(PagilaGoldTableResult Result, DateTime StartedAt, DateTime FinishedAt);
}
