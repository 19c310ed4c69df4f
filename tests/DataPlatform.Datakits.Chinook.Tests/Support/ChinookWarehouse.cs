using DataPlatform.Datakits.Chinook.Bronze;
using DataPlatform.Datakits.Chinook.Gold;
using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Datakits.Chinook.Tests.Support;

/// <summary>A source and a warehouse database on the test server, and the Chinook pipeline between them (deployed once, run as often as asked).</summary>
internal sealed class ChinookWarehouse : IAsyncDisposable
{
    public static readonly PipelineDefinition Pipeline = new("chinook", ChinookBronze.Layer, ChinookSilver.Layer, ChinookGold.Layer);

    private ChinookWarehouse(TestDatabase source, TestDatabase warehouse)
    {
        Source = source;
        Warehouse = warehouse;
    }

    public TestDatabase Source { get; }

    public TestDatabase Warehouse { get; }

    /// <summary>A warehouse over the real Chinook dump loaded with psql.</summary>
    public static async Task<ChinookWarehouse> OverRealChinookAsync(PostgresServer server, string name, CancellationToken ct) =>
        await DeployAsync(await server.CreateChinookDatabaseAsync(name + "_src", ct), server, name, ct);

    /// <summary>A warehouse over an empty source database (fill it with the generator).</summary>
    public static async Task<ChinookWarehouse> OverEmptySourceAsync(PostgresServer server, string name, CancellationToken ct) =>
        await DeployAsync(await server.CreateDatabaseAsync(name + "_src", ct), server, name, ct);

    public async Task<PipelineResult> RunAsync(CancellationToken ct, bool fullRefresh = false) =>
        await new PipelineRunner(Pipeline).RunAsync(new PipelineRunRequest(Source.DataSource, Warehouse.DataSource) { FullRefresh = fullRefresh }, null, ct);

    public Task<long> CountAsync(string sql, CancellationToken ct) => Warehouse.ScalarAsync<long>(sql, ct);

    public async ValueTask DisposeAsync()
    {
        await Source.DisposeAsync();
        await Warehouse.DisposeAsync();
    }

    private static async Task<ChinookWarehouse> DeployAsync(TestDatabase source, PostgresServer server, string name, CancellationToken ct)
    {
        var warehouse = await server.CreateDatabaseAsync(name + "_dw", ct);
        await new WarehouseSchema(Pipeline).DeployAsync(warehouse.ConnectionString, ct);
        return new ChinookWarehouse(source, warehouse);
    }
}
