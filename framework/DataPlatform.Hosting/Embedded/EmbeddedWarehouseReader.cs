using DataPlatform.Hosting.Output;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DataPlatform.Hosting.Embedded;

/// <summary>
/// The read-only verbs' (<c>status</c>, <c>quarantine</c>) way to the embedded warehouse: started for the call and stopped
/// after it (unless another session keeps it), or a hint to run the warehouse first when the home has none yet.
/// </summary>
internal static class EmbeddedWarehouseReader
{
    /// <summary>Runs <paramref name="read"/> with the connection string of the embedded warehouse in <paramref name="home"/>.</summary>
    public static async Task<int> ReadAsync(
        WarehouseHostDefinition definition,
        ConsoleOutput output,
        string home,
        ILoggerFactory loggerFactory,
        Func<string, Task<int>> read,
        CancellationToken ct)
    {
        if (!EmbeddedCluster.Exists(home))
        {
            output.Console.WriteLine($"No embedded warehouse in {home} yet: run `{definition.CommandName} run` first, or pass --warehouse <connection string>.");
            return ExitCodes.Ok;
        }

        await using var embedded = await EmbeddedCluster.StartAsync(definition, home, keepRunning: false, loggerFactory, ct);
        return await read(embedded.WarehouseConnectionString);
    }
}
