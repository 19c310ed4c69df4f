using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Tests.Loading;

/// <summary>A fresh database with the loader test tables (deployed by the SchemaDeployer, so the mixin triggers exist).</summary>
public sealed class LoadingDatabase : IAsyncDisposable
{
    private LoadingDatabase(TestDatabase database, LoadTestContext silver, LoadBronzeContext bronze)
    {
        Database = database;
        Silver = silver;
        Bronze = bronze;
        Loader = new BulkDataLoader(silver.Model, database.DataSource);
        BronzeLoader = new BulkDataLoader(bronze.Model, database.DataSource);
    }

    public TestDatabase Database { get; }

    public LoadTestContext Silver { get; }

    public LoadBronzeContext Bronze { get; }

    public BulkDataLoader Loader { get; }

    public BulkDataLoader BronzeLoader { get; }

    public static async Task<LoadingDatabase> CreateAsync(PostgresServer server, string nameHint, CancellationToken cancellationToken)
    {
        var database = await server.CreateDatabaseAsync(nameHint, cancellationToken);
        var silver = LoadTestContext.Create(database.ConnectionString);
        var bronze = LoadBronzeContext.Create(database.ConnectionString);
        var deployer = new SchemaDeployer();
        await deployer.DeployAsync(silver, database.ConnectionString, cancellationToken);
        await deployer.DeployAsync(bronze, database.ConnectionString, cancellationToken);
        return new LoadingDatabase(database, silver, bronze);
    }

    public Task<T> ScalarAsync<T>(string sql) => Database.ScalarAsync<T>(sql, TestContext.Current.CancellationToken);

    public Task<int> ExecuteAsync(string sql) => Database.ExecuteAsync(sql, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Silver.DisposeAsync();
        await Bronze.DisposeAsync();
        await Database.DisposeAsync();
    }
}
