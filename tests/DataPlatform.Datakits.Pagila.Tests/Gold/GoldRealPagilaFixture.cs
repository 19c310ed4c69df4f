using DataPlatform.Framework.Pipelines;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Pagila.Tests.Gold;

/// <summary>One real-Pagila warehouse for all tests of <see cref="GoldRealPagilaTests"/>: the pipeline is run once.</summary>
public sealed class GoldRealPagilaFixture(PostgresServer server) : IAsyncLifetime
{
    public GoldWarehouse Warehouse { get; private set; } = null!;

    /// <summary>The gold results of the first run.</summary>
    public IReadOnlyList<TableResult> FirstRun { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Warehouse = await GoldWarehouse.WithRealPagilaAsync(server, "gold_real", ct);
        FirstRun = await Warehouse.RunPipelineAsync(false, null, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Warehouse is not null)
        {
            await Warehouse.DisposeAsync();
        }
    }
}
