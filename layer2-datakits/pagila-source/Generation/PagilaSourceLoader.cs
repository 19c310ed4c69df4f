using DataPlatform.Framework.Loading;
using DataPlatform.Framework.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>
/// Creates a Pagila-shaped source (<see cref="PagilaSourceSchema"/>) and fills it from a <see cref="PagilaGenerator"/>
/// through the <see cref="BulkDataLoader"/> (binary COPY, rows streamed, no row-by-row inserts), then moves the identity
/// sequences past the generated ids so the source accepts new rows without explicit ids.
/// </summary>
public sealed class PagilaSourceLoader
{
    private static readonly Lazy<IModel> s_model = new(CreateModel);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates a loader writing into the database of <paramref name="dataSource"/>.</summary>
    public PagilaSourceLoader(NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Bounded parallelism of the table loads. Default 2.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;

    /// <summary>Creates the schema (idempotent) and appends the generator's rows to all 15 tables.</summary>
    /// <returns>The rows loaded per table and the generator's report of planted bad rows.</returns>
    public async Task<PagilaSourceLoadResult> LoadAsync(PagilaGenerator generator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        await PagilaSourceSchema.CreateAsync(_dataSource, cancellationToken).ConfigureAwait(false);

        var options = new BulkLoadOptions { Mode = BulkLoadMode.Append };
        var jobs = new List<BulkLoadJob>
        {
            BulkLoadJob.Create(generator.Payments, options),
            BulkLoadJob.Create(generator.RentalRows, options),
            BulkLoadJob.Create(generator.InventoryRows, options),
            BulkLoadJob.Create(generator.FilmActors, options),
            BulkLoadJob.Create(generator.FilmCategories, options),
            BulkLoadJob.Create(generator.CustomerRows, options),
            BulkLoadJob.Create(generator.AddressRows, options),
            BulkLoadJob.Create(generator.StaffMembers, options),
            BulkLoadJob.Create(generator.Films, options),
            BulkLoadJob.Create(generator.Stores, options),
            BulkLoadJob.Create(generator.Cities, options),
            BulkLoadJob.Create(generator.Actors, options),
            BulkLoadJob.Create(generator.Countries, options),
            BulkLoadJob.Create(generator.Categories, options),
            BulkLoadJob.Create(generator.Languages, options),
        };

        var rows = await SourceDatabase.LoadAsync(_dataSource, s_model.Value, jobs, "public", MaxDegreeOfParallelism, _loggerFactory, cancellationToken).ConfigureAwait(false);
        return new PagilaSourceLoadResult(rows, generator.Report);
    }

    private static IModel CreateModel()
    {
        using var context = new PagilaSourceContext(new DbContextOptionsBuilder<PagilaSourceContext>().UseNpgsql().Options);
        return context.Model;
    }
}
