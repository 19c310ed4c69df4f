using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Ledger;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Framework.Tests.Transforms;

/// <summary>A fresh database with the three test layers created from their models (GenerateCreateScript) and the ledger.</summary>
internal sealed class TfxDatabase : IAsyncDisposable
{
    private TfxDatabase(TestDatabase database)
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    public static async Task<TfxDatabase> CreateAsync(PostgresServer server, string nameHint, CancellationToken cancellationToken)
    {
        var database = await server.CreateDatabaseAsync(nameHint, cancellationToken);
        var result = new TfxDatabase(database);
        DatakitDbContext[] contexts = [result.Bronze(), result.Silver(), result.Gold()];
        foreach (var context in contexts)
        {
            await using (context)
            {
                await database.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS \"{context.Schema}\";\n{context.Database.GenerateCreateScript()}", cancellationToken);
            }
        }

        // The quarantine table is deployed with the ledger, never created by a run.
        await new BatchLedger(database.DataSource).EnsureSchemaAsync(cancellationToken);
        return result;
    }

    public TfxBronzeContext Bronze() => new(Options<TfxBronzeContext>());

    /// <summary>A bronze context on a connection of its own that ends when the context is disposed (no pooling).</summary>
    public TfxBronzeContext UnpooledBronze() => new(Options<TfxBronzeContext>(pooling: false));

    public TfxSilverContext Silver() => new(Options<TfxSilverContext>());

    public TfxGoldContext Gold() => new(Options<TfxGoldContext>());

    public async Task SeedAsync(IEnumerable<RawFilm> films, IEnumerable<RawLanguage> languages, CancellationToken cancellationToken)
    {
        await using var bronze = Bronze();
        bronze.Films.AddRange(films);
        bronze.Languages.AddRange(languages);
        await bronze.SaveChangesAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private DbContextOptions Options<TContext>(bool pooling = true)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = pooling }.ConnectionString).Options;
}
