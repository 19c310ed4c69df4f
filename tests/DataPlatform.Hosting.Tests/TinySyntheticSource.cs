using DataPlatform.Framework.Pipelines;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Hosting.Tests;

/// <summary>A synthetic source of one table with <c>10 × scale</c> rows.</summary>
internal sealed class TinySyntheticSource : ISyntheticSource
{
    public string Name => "testkit";

    public async Task<long> GenerateAsync(NpgsqlDataSource emptyDatabase, SyntheticSourceOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var rows = (int)(10 * options.Scale);
        await using var command = emptyDatabase.CreateCommand($"CREATE TABLE item (id int PRIMARY KEY); INSERT INTO item SELECT generate_series(1, {rows})");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return rows;
    }
}
