using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Acme.Datakits.Source.Generation;

/// <summary>
/// The generated acme source for the warehouse host's embedded default and for tests: <see cref="AcmeSourceSchema"/> filled
/// by an <see cref="AcmeGenerator"/> through <see cref="SourceDatabase"/> (binary COPY, streamed).
/// </summary>
public sealed class AcmeSyntheticSource : ISyntheticSource
{
    private static readonly Lazy<IModel> s_model = new(() =>
    {
        using var context = new AcmeSourceContext(new DbContextOptionsBuilder<AcmeSourceContext>().UseNpgsql().Options);
        return context.Model;
    });

    /// <inheritdoc />
    public string Name => "acme";

    /// <summary>Creates the source tables (idempotent) and appends the generator's rows; returns the rows loaded per table.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> LoadAsync(
        NpgsqlDataSource database, AcmeGenerator generator, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        await AcmeSourceSchema.CreateAsync(database, cancellationToken).ConfigureAwait(false);
        var append = new BulkLoadOptions { Mode = BulkLoadMode.Append };
        // Add a job per table the generator streams.
        BulkLoadJob[] jobs = [BulkLoadJob.Create(generator.Customers, append)];
        return await SourceDatabase.LoadAsync(database, s_model.Value, jobs, AcmeSourceSchema.Name, 2, loggerFactory, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<long> GenerateAsync(
        NpgsqlDataSource emptyDatabase, SyntheticSourceOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var rows = await LoadAsync(emptyDatabase, new AcmeGenerator(options), loggerFactory, cancellationToken).ConfigureAwait(false);
        return rows.Values.Sum();
    }
}
