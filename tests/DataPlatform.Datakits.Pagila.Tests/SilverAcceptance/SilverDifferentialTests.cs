using DataPlatform.Datakits.Pagila.Bronze;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Datakits.Pagila.Silver.Transforms;
using DataPlatform.Datakits.Pagila.Source.Generation;
using DataPlatform.Datakits.Pagila.Tests.Support;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Schema;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// The differential test of issue #5: the same bronze rows — a generated dirty source extracted to bronze plus the hand-made
/// awkward inputs of DESIGN.md §6 (<see cref="AwkwardBronze"/>) — go through the in-memory path (<see cref="InMemoryLayerState"/>)
/// and the in-server path (<see cref="PagilaSilver.Layer"/>); both must produce identical silver rows (all
/// columns but the audit timestamps), identical quarantine decisions (transform, key, rule) and identical per-table counts,
/// over two rounds (the second one with late parents, fixes, a soft delete, an update and a newly blank row).
/// </summary>
public sealed class SilverDifferentialTests(PostgresServer server) : IAsyncLifetime
{
    private BronzeWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await BronzeWarehouse.WithEmptySourceAsync(server, "silver_diff", ct);
        await using var silver = PagilaSilverContext.Create(_warehouse.Warehouse.ConnectionString);
        await new SchemaDeployer().DeployAsync(silver, _warehouse.Warehouse.ConnectionString, ct);
        var generator = new PagilaGenerator(new PagilaGeneratorOptions { Seed = 5, Scale = 0.02, DirtyRate = 0.05 });
        await new PagilaSourceLoader(_warehouse.Source.DataSource).LoadAsync(generator, ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task In_memory_and_in_server_paths_agree_on_generated_and_awkward_bronze_rows_over_two_rounds()
    {
        var ct = TestContext.Current.CancellationToken;
        var cs = _warehouse.Warehouse.ConnectionString;
        var state = new InMemoryLayerState();
        await using var ledger = new BatchLedger(_warehouse.Warehouse.DataSource);

        var first = await ledger.StartBatchAsync("pagila", ct);
        await _warehouse.ExtractAsync(first, ct: ct);
        await _warehouse.Warehouse.ExecuteAsync(BronzeSample.Sql, ct);
        await BronzeRows.WriteAsync(cs, AwkwardBronze.FirstRound(first), ct);
        await BronzeRows.WriteAsync(cs, AwkwardBronze.TwoVersionsOfOneKey(first), ct);
        var round1 = await RunBothAsync(state, first, ct);
        await ledger.CompleteBatchAsync(first, ct);

        Assert.True(round1.Memory.Sum(r => r.RowsQuarantined) > 40, "the generated and awkward rows quarantine something");
        Assert.Equal("\"ipek.şahin@example.com\"", await EmailTextAsync(800101, ct));
        Assert.Equal("\"ırmak@example.com\"", await EmailTextAsync(800102, ct));
        Assert.Equal("\"mary@example.org\"", await EmailTextAsync(800103, ct));
        Assert.Equal("NULL", await EmailTextAsync(800108, ct));
        Assert.Equal("\"x@y.z\"", await EmailTextAsync(800112, ct));
        Assert.Equal("\"second@example.com\"", await EmailTextAsync(800208, ct));
        Assert.False(await _warehouse.Warehouse.ScalarAsync<bool>("SELECT is_active FROM sl__pagila.customer WHERE customer_id = 800204", ct));
        Assert.Equal("1 Main St", await _warehouse.Warehouse.ScalarAsync<string>("SELECT address FROM sl__pagila.address WHERE address_id = 800001", ct));

        var second = await ledger.StartBatchAsync("pagila", ct);
        await BronzeRows.WriteAsync(cs, AwkwardBronze.SecondRound(second), ct);
        var round2 = await RunBothAsync(state, second, ct);
        await ledger.CompleteBatchAsync(second, ct);

        Assert.Equal(1, round2.Server.Single(r => r.Table == "rental").RowsWritten);
        Assert.Equal(1, round2.Server.Single(r => r.Table == "customer").RowsDeleted);
        Assert.Equal(1L, await _warehouse.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM sl__pagila.customer WHERE customer_id = 800103 AND inactivated_date IS NOT NULL", ct));
        Assert.Equal(1L, await _warehouse.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM sl__pagila.payment WHERE payment_id = 800004 AND inactivated_date IS NULL", ct));
    }

    private Task<string> EmailTextAsync(int customerId, CancellationToken ct) =>
        _warehouse.Warehouse.ScalarAsync<string>(
            $"SELECT COALESCE(to_jsonb(email)::text, 'NULL') FROM sl__pagila.customer WHERE customer_id = {customerId}", ct);

    private async Task<(IReadOnlyList<TableResult> Memory, IReadOnlyList<TableResult> Server)> RunBothAsync(
        InMemoryLayerState state, long batchId, CancellationToken ct)
    {
        var cs = _warehouse.Warehouse.ConnectionString;
        var context = new TransformContext(batchId, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(batchId));
        await BronzeRows.LoadIntoAsync(state, cs, ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var memory = PagilaSilver.Layer.RunInMemory(state, context);
        TestContext.Current.TestOutputHelper?.WriteLine($"in memory: {clock.Elapsed}");
        clock.Restart();
        var inServer = (await PagilaSilver.Layer.RunAsync(_warehouse.Warehouse.DataSource, batchId, context.RunTimeUtc, cancellationToken: ct))
            .ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"in server: {clock.Elapsed}");

        Assert.Equal(Counts(memory), Counts(inServer));
        Assert.All(inServer, r => Assert.Equal(r.RowsRead, r.RowsWritten + r.RowsQuarantined));

        await using var silver = PagilaSilverContext.Create(cs);
        await AssertSameRowsAsync<Country>(silver, state, ct);
        await AssertSameRowsAsync<City>(silver, state, ct);
        await AssertSameRowsAsync<Address>(silver, state, ct);
        await AssertSameRowsAsync<Language>(silver, state, ct);
        await AssertSameRowsAsync<Category>(silver, state, ct);
        await AssertSameRowsAsync<Actor>(silver, state, ct);
        await AssertSameRowsAsync<Film>(silver, state, ct);
        await AssertSameRowsAsync<FilmActor>(silver, state, ct);
        await AssertSameRowsAsync<FilmCategory>(silver, state, ct);
        await AssertSameRowsAsync<Store>(silver, state, ct);
        await AssertSameRowsAsync<Staff>(silver, state, ct);
        await AssertSameRowsAsync<Customer>(silver, state, ct);
        await AssertSameRowsAsync<Inventory>(silver, state, ct);
        await AssertSameRowsAsync<Rental>(silver, state, ct);
        await AssertSameRowsAsync<Payment>(silver, state, ct);

        var expected = state.StillQuarantined.Select(q => $"{q.Transform} {q.Key} {q.Rule}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await ServerQuarantineAsync(ct));
        return (memory, inServer);
    }

    private static List<(string, long, long, long, long)> Counts(IEnumerable<TableResult> results) =>
        results.Select(r => (r.Table, r.RowsRead, r.RowsWritten, r.RowsQuarantined, r.RowsDeleted)).ToList();

    private static async Task AssertSameRowsAsync<T>(PagilaSilverContext silver, InMemoryLayerState state, CancellationToken ct)
        where T : class
    {
        var inServer = SilverRowText.Of(silver.Model, await silver.Set<T>().AsNoTracking().ToListAsync(ct));
        var inMemory = SilverRowText.Of(silver.Model, state.Rows<T>());
        var onlyInMemory = inMemory.Except(inServer, StringComparer.Ordinal).Take(5).ToList();
        var onlyInServer = inServer.Except(inMemory, StringComparer.Ordinal).Take(5).ToList();
        Assert.True(
            onlyInMemory.Count == 0 && onlyInServer.Count == 0 && inMemory.Count == inServer.Count,
            $"{typeof(T).Name}: {inMemory.Count} rows in memory, {inServer.Count} in the server.\n"
            + $"only in memory:\n  {string.Join("\n  ", onlyInMemory)}\nonly in the server:\n  {string.Join("\n  ", onlyInServer)}");
    }

    private async Task<List<string>> ServerQuarantineAsync(CancellationToken ct)
    {
        var decisions = new List<string>();
        await using var connection = await _warehouse.Warehouse.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT transform || ' ' || row_key || ' ' || rule FROM dataplatform.quarantine WHERE resolved_batch_id IS NULL", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            decisions.Add(reader.GetString(0));
        }

        return decisions.Order(StringComparer.Ordinal).ToList();
    }
}
