using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.Pipelines;

/// <summary>
/// A generated stand-in for a source system, used by warehouse hosts when no source database is given. A source datakit
/// implements it; the host creates the empty database, calls <see cref="GenerateAsync"/> and remembers the options, so
/// it regenerates only when they change.
/// </summary>
public interface ISyntheticSource
{
    /// <summary>A short name, e.g. <c>pagila</c>; part of the marker the host keeps with the generated database.</summary>
    string Name { get; }

    /// <summary>Creates the source schema in <paramref name="emptyDatabase"/> and fills it; returns the rows written.</summary>
    Task<long> GenerateAsync(NpgsqlDataSource emptyDatabase, SyntheticSourceOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken);
}
