using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>
/// The generated Pagila source for warehouse hosts: the Pagila schema (<see cref="PagilaSourceSchema"/>) filled by
/// <see cref="PagilaGenerator"/> through <see cref="PagilaSourceLoader"/>.
/// </summary>
public sealed class PagilaSyntheticSource : ISyntheticSource
{
    /// <inheritdoc />
    public string Name => "pagila";

    /// <inheritdoc />
    public async Task<long> GenerateAsync(
        NpgsqlDataSource emptyDatabase, SyntheticSourceOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emptyDatabase);
        ArgumentNullException.ThrowIfNull(options);
        await PagilaSourceSchema.CreateAsync(emptyDatabase, cancellationToken).ConfigureAwait(false);

        // Npgsql learns a database's types when a data source opens its first connection: the loader needs the enum just created.
        await emptyDatabase.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Scale = options.Scale, DirtyRate = options.DirtyRate, Seed = options.Seed, DefectsPerSlot = options.DefectsPerSlot });
        var result = await new PagilaSourceLoader(emptyDatabase, loggerFactory).LoadAsync(generator, cancellationToken).ConfigureAwait(false);
        return result.RowsLoaded.Values.Sum();
    }
}
