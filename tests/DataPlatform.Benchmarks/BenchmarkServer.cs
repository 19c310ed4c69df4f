using DataPlatform.Testing;

namespace DataPlatform.Benchmarks;

/// <summary>
/// The PostgreSQL server of a benchmark run, resolved exactly like the tests resolve theirs
/// (DATAPLATFORM_TEST_PG, else Testcontainers, else a local throw-away cluster).
/// </summary>
internal sealed class BenchmarkServer : IAsyncDisposable
{
    private BenchmarkServer(PostgresServer server) => Server = server;

    public PostgresServer Server { get; }

    public static async Task<BenchmarkServer> StartAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        return new BenchmarkServer(server);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
