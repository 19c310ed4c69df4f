using System.Diagnostics;
using DataPlatform.Datakits.Pagila.Bronze.Extraction;
using DataPlatform.Framework.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Bronze;

/// <summary>
/// Streams the 15 Pagila source tables into <c>br__pagila__public</c>. Source and warehouse are separate data sources
/// (different databases or servers). Each table is read with <c>COPY (SELECT …) TO STDOUT (FORMAT BINARY)</c> and
/// written with binary <c>COPY … FROM STDIN</c> row by row, so nothing is held in memory; tables run in parallel
/// (bounded by <see cref="PagilaBronzeOptions.MaxDegreeOfParallelism"/>).
/// </summary>
/// <remarks>
/// <para><b>Incremental.</b> Each table continues from its cursor in the batch ledger (<c>watermark_after</c> of its newest
/// <c>batch_table</c> row, which committed together with its data): rows with <c>last_update</c> after the cursor minus
/// <see cref="PagilaBronzeOptions.SafetyLag"/> (or with a NULL <c>last_update</c>). <c>payment</c> has no
/// <c>last_update</c> and is insert-only in Pagila: its cursor is the <c>payment_id</c> high-water mark plus the newest
/// <c>payment_date</c>, and it re-reads rows above the high-water mark or inside the lag on <c>payment_date</c>; an
/// update or a late commit older than the lag is caught by a full refresh. A re-read row whose latest bronze version has
/// the same record hash is skipped, so the lag window never duplicates rows.</para>
/// <para><b>Full refresh.</b> Appends a complete snapshot and then a <c>delete</c> row for every key whose latest bronze
/// version is an upsert but that the snapshot lacks.</para>
/// <para><b>Columns.</b> Exactly the bronze entities' columns are selected: <c>staff.password</c> is never read, and
/// <c>film.fulltext</c> (a <c>tsvector</c> derived from title and description) is not extracted; <c>staff.picture</c> is
/// copied as <c>bytea</c>; <c>film.rating</c> arrives as its enum label in a text column.</para>
/// <para><b>Ledger.</b> Each table's rows read and written and its new cursor are recorded with
/// <see cref="BatchLedger.RecordTableAsync"/> in the transaction that appended its rows. The caller starts and completes
/// the batch.</para>
/// </remarks>
public sealed class PagilaBronzeExtractor
{
    private static readonly Lazy<IModel> s_model = new(CreateModel);

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlDataSource _warehouse;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates an extractor.</summary>
    /// <param name="source">The Pagila source database (schema <c>public</c>).</param>
    /// <param name="warehouse">The warehouse database with the deployed bronze schema and the batch ledger.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    public PagilaBronzeExtractor(NpgsqlDataSource source, NpgsqlDataSource warehouse, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(warehouse);
        _source = source;
        _warehouse = warehouse;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<PagilaBronzeExtractor>();
    }

    /// <summary>The bronze model (<see cref="PagilaBronzeContext"/>) the extractor derives its columns from.</summary>
    public static IModel Model => s_model.Value;

    /// <summary>Extracts the tables into bronze, stamping rows with <paramref name="batchId"/> (a running ledger batch).</summary>
    /// <exception cref="ArgumentException">An unknown table name in <see cref="PagilaBronzeOptions.Tables"/>.</exception>
    public async Task<PagilaBronzeResult> ExtractAsync(long batchId, PagilaBronzeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SafetyLag, TimeSpan.Zero);

        var plans = BronzeTablePlan.CreateAll(Model).ToDictionary(p => p.Table, StringComparer.Ordinal);
        var order = Source.PagilaTables.All.Where(plans.ContainsKey).ToList();
        var selected = options.Tables?.ToList() ?? order;
        var unknown = selected.Where(t => !plans.ContainsKey(t)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown Pagila table(s): {string.Join(", ", unknown)}.", nameof(options));
        }

        var clock = Stopwatch.StartNew();
        ExtractorLog.RunStarting(_logger, batchId, selected.Count, options.FullRefresh, options.SafetyLag);
        var ledger = new BatchLedger(_warehouse, _loggerFactory);
        await using (ledger.ConfigureAwait(false))
        {
            // Largest tables first, so the parallel slots finish together.
            var work = selected.OrderByDescending(t => Source.PagilaTables.RealRowCounts[t]).ToList();
            var results = new Dictionary<string, PagilaBronzeTableResult>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(
                work,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
                async (table, token) =>
                {
                    var extraction = new TableExtraction(plans[table], _source, _warehouse, ledger, batchId, options, _logger);
                    var result = await extraction.RunAsync(token).ConfigureAwait(false);
                    lock (results)
                    {
                        results[table] = result;
                    }
                }).ConfigureAwait(false);

            var ordered = order.Where(results.ContainsKey).Select(t => results[t]).ToList();
            var run = new PagilaBronzeResult(batchId, ordered, clock.Elapsed);
            ExtractorLog.RunFinished(_logger, batchId, run.RowsRead, run.RowsWritten, clock.Elapsed.TotalSeconds);
            return run;
        }
    }

    private static IModel CreateModel()
    {
        using var context = new PagilaBronzeContext(new DbContextOptionsBuilder<PagilaBronzeContext>().UseNpgsql().Options);
        return context.Model;
    }
}
