using System.Reflection;
using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Silver.Transforms;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Loading;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>Writes hand-made bronze rows into a warehouse and reads every bronze row back, so both transform paths see one input.</summary>
internal static class BronzeRows
{
    private static readonly MethodInfo s_append = typeof(BronzeRows).GetMethod(nameof(AppendAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Appends rows to the bronze tables with the bulk loader, one load per table and batch (the bronze entities are keyless).</summary>
    public static async Task WriteAsync(string connectionString, IEnumerable<DataPlatform.Framework.Mixins.BronzeRecord> rows, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var loader = new BulkDataLoader(DataPlatform.Framework.Extraction.BronzeLayer<PagilaBronzeContext>.Model, dataSource);
        foreach (var group in rows.GroupBy(r => (Type: r.GetType(), Batch: r.DpBatchId)))
        {
            await (Task)s_append.MakeGenericMethod(group.Key.Type).Invoke(null, [loader, group.ToList(), group.Key.Batch, cancellationToken])!;
        }
    }

    private static Task AppendAsync<T>(BulkDataLoader loader, List<DataPlatform.Framework.Mixins.BronzeRecord> rows, long batch, CancellationToken cancellationToken)
        where T : DataPlatform.Framework.Mixins.BronzeRecord =>
        loader.LoadAsync(rows.Cast<T>(), new BulkLoadOptions { Mode = BulkLoadMode.Append, BatchId = batch }, cancellationToken);

    /// <summary>Puts every bronze row of the warehouse, as the database holds it, into <paramref name="state"/> (replacing its bronze).</summary>
    public static async Task LoadIntoAsync(InMemoryLayerState state, string connectionString, CancellationToken cancellationToken)
    {
        await using var bronze = PagilaBronzeContext.Create(connectionString);
        state.Add(await ReadAsync<B.Country>(bronze, cancellationToken))
            .Add(await ReadAsync<B.City>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Address>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Language>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Category>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Actor>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Film>(bronze, cancellationToken))
            .Add(await ReadAsync<B.FilmActor>(bronze, cancellationToken))
            .Add(await ReadAsync<B.FilmCategory>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Store>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Staff>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Customer>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Inventory>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Rental>(bronze, cancellationToken))
            .Add(await ReadAsync<B.Payment>(bronze, cancellationToken));
    }

    private static Task<List<T>> ReadAsync<T>(DbContext bronze, CancellationToken cancellationToken)
        where T : DataPlatform.Framework.Mixins.BronzeRecord =>
        bronze.Set<T>().AsNoTracking().OrderBy(r => r.DpBatchId).ToListAsync(cancellationToken);
}
