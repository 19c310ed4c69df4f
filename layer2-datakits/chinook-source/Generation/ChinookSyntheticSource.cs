using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Datakits.Chinook.Source.Generation;

/// <summary>
/// The generated Chinook source for warehouse hosts and tests: <see cref="ChinookSourceSchema"/> filled by a
/// <see cref="ChinookGenerator"/> through <see cref="SourceDatabase"/> (binary COPY, streamed).
/// </summary>
public sealed class ChinookSyntheticSource : ISyntheticSource
{
    private static readonly Lazy<IModel> s_model = new(() =>
    {
        using var context = new ChinookSourceContext(new DbContextOptionsBuilder<ChinookSourceContext>().UseNpgsql().Options);
        return context.Model;
    });

    /// <inheritdoc />
    public string Name => "chinook";

    /// <summary>Creates the schema (idempotent) and appends the generator's rows to the 11 tables; returns the rows loaded per table.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> LoadAsync(
        NpgsqlDataSource database, ChinookGenerator generator, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        await ChinookSourceSchema.CreateAsync(database, cancellationToken).ConfigureAwait(false);
        var append = new BulkLoadOptions { Mode = BulkLoadMode.Append };
        BulkLoadJob[] jobs =
        [
            BulkLoadJob.Create(generator.PlaylistTracks, append), BulkLoadJob.Create(generator.InvoiceLines, append),
            BulkLoadJob.Create(generator.Tracks, append), BulkLoadJob.Create(generator.Invoices, append),
            BulkLoadJob.Create(generator.Albums, append), BulkLoadJob.Create(generator.Artists, append),
            BulkLoadJob.Create(generator.Customers, append), BulkLoadJob.Create(generator.Genres, append),
            BulkLoadJob.Create(generator.Playlists, append), BulkLoadJob.Create(generator.Employees, append),
            BulkLoadJob.Create(generator.MediaTypes, append),
        ];
        return await SourceDatabase.LoadAsync(database, s_model.Value, jobs, "public", 2, loggerFactory, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> GenerateAsync(
        NpgsqlDataSource emptyDatabase, SyntheticSourceOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(emptyDatabase, new ChinookGenerator(options), loggerFactory, cancellationToken).ConfigureAwait(false);
        return rows.Values.Sum();
    }
}
