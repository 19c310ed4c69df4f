using DataPlatform.Datakits.Pagila.Silver.Transforms;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Naming;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>
/// Entry point of the bronze → silver step for the warehouse host. Runs the 15 silver transforms in dependency order
/// (parents before children, so a child of a quarantined row is quarantined too) and the soft deletes, in ONE transaction
/// together with the ledger rows (layer <c>silver</c>, one per table): the data and its counts commit together or not at all.
/// </summary>
/// <example><code>
/// var tables = await PagilaSilverTransforms.RunAsync(dataSource, batchId, ledger, runTime: DateTime.UtcNow, cancellationToken: ct);
/// </code></example>
public static class PagilaSilverTransforms
{
    /// <summary>The silver tables in the order they are transformed (parents first).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "country", "city", "address", "language", "category", "actor", "film", "film_actor", "film_category",
        "store", "staff", "customer", "inventory", "rental", "payment",
    ];

    /// <summary>
    /// Applies every bronze row not yet in silver (per key, the latest bronze row from a batch newer than the silver row;
    /// quarantined rows are re-read every run until they pass) and records per-table counts in <paramref name="ledger"/>
    /// for <paramref name="batchId"/> inside the same transaction. The silver schema must be deployed.
    /// </summary>
    /// <param name="dataSource">The warehouse database (bronze and silver live in it).</param>
    /// <param name="batchId">The ledger batch of this run; soft deletes are stamped with it.</param>
    /// <param name="ledger">The batch ledger, or null to skip recording (tests).</param>
    /// <param name="runTime">The run time (UTC) for soft-delete stamps; defaults to now.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="cancellationToken">Cancels the run (the transaction rolls back).</param>
    /// <returns>One result per table, in <see cref="Tables"/> order.</returns>
    public static async Task<IReadOnlyList<PagilaSilverTableResult>> RunAsync(
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
            var source = new PagilaSilverSources(new DbContextOptionsBuilder<PagilaSilverSources>()
                .UseNpgsql(connection)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                .Options);
            await using (source.ConfigureAwait(false))
            {
                var target = new PagilaSilverContext(new DbContextOptionsBuilder<PagilaSilverContext>().UseNpgsql(connection).Options);
                await using (target.ConfigureAwait(false))
                {
                    var transaction = await source.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        var results = await RunInTransactionAsync(source, target, (NpgsqlTransaction)transaction.GetDbTransaction(), batchId, ledger, runTime, loggerFactory, cancellationToken)
                            .ConfigureAwait(false);
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return results;
                    }
                }
            }
        }
    }

    private static async Task<IReadOnlyList<PagilaSilverTableResult>> RunInTransactionAsync(
        PagilaSilverSources source,
        PagilaSilverContext target,
        NpgsqlTransaction transaction,
        long batchId,
        BatchLedger? ledger,
        DateTime? runTime,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await QuarantineTable.EnsureCreatedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        // Bronze was just bulk-loaded: without statistics the planner picks nested loops for the latest-per-key anti-joins.
        var bronze = SchemaNames.For("pagila", DatakitLayer.Bronze, "public");
        var analyze = new NpgsqlCommand("ANALYZE " + string.Join(", ", Tables.Select(t => SqlIdentifier.Quote(bronze, t))), connection, transaction);
        await using (analyze.ConfigureAwait(false))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        var context = new TransformContext(batchId, runTime ?? DateTime.UtcNow);
        var runner = new TransformRunner(loggerFactory);
        var results = new List<PagilaSilverTableResult>(Tables.Count);
        foreach (var step in SilverSteps.All)
        {
            var started = DateTime.UtcNow;
            var result = await step.RunAsync(runner, source, target, context, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (ledger is not null)
            {
                await ledger.RecordTableAsync(
                    batchId,
                    new BatchTableEntry
                    {
                        Layer = "silver",
                        TableName = result.Table,
                        RowsRead = result.RowsRead,
                        RowsWritten = result.RowsWritten,
                        RowsQuarantined = result.RowsQuarantined,
                        StartedAt = started,
                        FinishedAt = DateTime.UtcNow,
                    },
                    connection,
                    transaction,
                    cancellationToken).ConfigureAwait(false);
            }
        }

        return results;
    }
}
