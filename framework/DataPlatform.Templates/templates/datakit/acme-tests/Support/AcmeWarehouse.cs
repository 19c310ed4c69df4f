using Acme.Datakits.Bronze;
using Acme.Datakits.Gold;
using Acme.Datakits.Silver;
using Acme.Datakits.Source.Generation;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace Acme.Datakits.Tests.Support;

/// <summary>
/// A source and a warehouse database on the test server, and the acme pipeline between them (deployed once, run as often
/// as asked).
/// </summary>
internal sealed class AcmeWarehouse : IAsyncDisposable
{
    public static readonly PipelineDefinition Pipeline = new("acme", AcmeBronze.Layer, AcmeSilver.Layer, AcmeGold.Layer);

    private AcmeWarehouse(TestDatabase source, TestDatabase warehouse)
    {
        Source = source;
        Warehouse = warehouse;
    }

    public TestDatabase Source { get; }

    public TestDatabase Warehouse { get; }

    /// <summary>An empty source database and a deployed warehouse database.</summary>
    public static async Task<AcmeWarehouse> CreateAsync(PostgresServer server, string name, CancellationToken ct)
    {
        var source = await server.CreateDatabaseAsync(name + "_src", ct);
        var warehouse = await server.CreateDatabaseAsync(name + "_dw", ct);
        await new WarehouseSchema(Pipeline).DeployAsync(warehouse.ConnectionString, ct);
        return new AcmeWarehouse(source, warehouse);
    }

    public Task LoadSourceAsync(AcmeGenerator generator, CancellationToken ct) =>
        AcmeSyntheticSource.LoadAsync(Source.DataSource, generator, null, ct);

    public Task<PipelineResult> RunAsync(CancellationToken ct) =>
        new PipelineRunner(Pipeline).RunAsync(new PipelineRunRequest(Source.DataSource, Warehouse.DataSource), null, ct);

    public Task<long> CountAsync(string sql, CancellationToken ct) => Warehouse.ScalarAsync<long>(sql, ct);

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Warehouse.DisposeAsync();
    }
}
