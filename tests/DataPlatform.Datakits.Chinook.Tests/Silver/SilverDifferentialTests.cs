using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DataPlatform.Datakits.Chinook.Bronze;
using DataPlatform.Datakits.Chinook.Silver;
using DataPlatform.Datakits.Chinook.Source.Generation;
using DataPlatform.Datakits.Chinook.Tests.Support;
using DataPlatform.Framework.Extraction;
using DataPlatform.Framework.Ledger;
using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Pipelines;
using DataPlatform.Framework.Transforms;
using DataPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using B = DataPlatform.Datakits.Chinook.Bronze.Entities;

namespace DataPlatform.Datakits.Chinook.Tests.Silver;

/// <summary>
/// The differential test: the same bronze rows — a generated dirty Chinook extracted to bronze plus the hand-made awkward
/// inputs of DESIGN.md §6 (<see cref="AwkwardBronze"/>) — go through the in-memory path and the in-server path of
/// <see cref="ChinookSilver.Layer"/>; both must give identical silver rows (every column but the audit timestamps),
/// identical quarantine decisions and identical per-table counts, over two rounds.
/// </summary>
public sealed class SilverDifferentialTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly HashSet<string> s_audit = new(StringComparer.Ordinal) { "systime", "effective_time" };
    private static readonly MethodInfo s_append = typeof(SilverDifferentialTests).GetMethod(nameof(AppendAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_read = typeof(SilverDifferentialTests).GetMethod(nameof(ReadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private ChinookWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _warehouse = await ChinookWarehouse.OverEmptySourceAsync(server, "chinook_diff", ct);
        await ChinookSyntheticSource.LoadAsync(_warehouse.Source.DataSource, new ChinookGenerator(new SyntheticSourceOptions(0.5, 0.05, 5)), null, ct);
    }

    public async ValueTask DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task In_memory_and_in_server_paths_agree_on_generated_and_awkward_bronze_rows_over_two_rounds()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = new InMemoryLayerState();
        await using var ledger = new BatchLedger(_warehouse.Warehouse.DataSource);

        var first = await ledger.StartBatchAsync("chinook", ct);
        await ChinookBronze.Layer.ExtractAsync(_warehouse.Source.DataSource, _warehouse.Warehouse.DataSource, ledger, first, false, null, null, ct);
        await WriteAsync(AwkwardBronze.FirstRound(first), ct);
        var round1 = await RunBothAsync(state, first, ct);
        await ledger.CompleteBatchAsync(first, ct);

        Assert.True(round1.Sum(r => r.RowsQuarantined) > 100, "the generated and awkward rows quarantine something");
        Assert.Equal("\"ipek.şahin@example.com\"", await TextAsync("email", "customer", "customer_id = 800101", ct));
        Assert.Null(await TextAsync("email", "customer", "customer_id = 800102", ct)); // its support rep is quarantined (blank name)
        Assert.Equal("\"mary@example.org\"", await TextAsync("email", "customer", "customer_id = 800103", ct));
        Assert.Equal("\"x@y.z\"", await TextAsync("email", "customer", "customer_id = 800112", ct));
        Assert.Equal("\"Second\"", await TextAsync("name", "artist", "artist_id = 800004", ct));
        Assert.Equal("NULL", await TextAsync("name", "artist", "artist_id = 800002", ct));
        Assert.Equal("\"Deep\"", await TextAsync("first_name", "employee", "employee_id = 800003", ct));
        Assert.Null(await TextAsync("first_name", "employee", "employee_id = 800004", ct)); // deeper than the check: applied by the next run

        var second = await ledger.StartBatchAsync("chinook", ct);
        await WriteAsync(AwkwardBronze.SecondRound(second), ct);
        var round2 = await RunBothAsync(state, second, ct);
        await ledger.CompleteBatchAsync(second, ct);

        Assert.Equal(1, round2.Single(r => r.Table == "customer").RowsDeleted);
        Assert.Equal("\"ırmak@example.com\"", await TextAsync("email", "customer", "customer_id = 800102", ct)); // its rep was fixed
        Assert.Equal("\"Deeper\"", await TextAsync("first_name", "employee", "employee_id = 800004", ct));
        Assert.Equal("\"Fixed title\"", await TextAsync("title", "album", "album_id = 800002", ct));
        Assert.Equal("\"Child of blank album\"", await TextAsync("name", "track", "track_id = 800002", ct));
    }

    private async Task<IReadOnlyList<TableResult>> RunBothAsync(InMemoryLayerState state, long batchId, CancellationToken ct)
    {
        var context = new TransformContext(batchId, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(batchId));
        await using (var bronze = new ChinookBronzeContext(new DbContextOptionsBuilder<ChinookBronzeContext>().UseNpgsql(_warehouse.Warehouse.ConnectionString).Options))
        {
            foreach (var type in BronzeLayer<ChinookBronzeContext>.Model.GetEntityTypes().Select(e => e.ClrType))
            {
                await (Task)s_read.MakeGenericMethod(type).Invoke(null, [bronze, state, ct])!;
            }
        }

        var memory = ChinookSilver.Layer.RunInMemory(state, context);
        var inServer = await ChinookSilver.Layer.RunAsync(_warehouse.Warehouse.DataSource, batchId, context.RunTimeUtc, cancellationToken: ct);

        Assert.Equal(Counts(memory), Counts(inServer));
        Assert.All(inServer, r => Assert.Equal(r.RowsRead, r.RowsWritten + r.RowsQuarantined));
        await using var silver = ChinookSilverContext.Create(_warehouse.Warehouse.ConnectionString);
        foreach (var type in silver.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType.Namespace == typeof(Artist).Namespace).Select(e => e.ClrType))
        {
            var server = RowText(silver, await ReadSilverAsync(silver, type, ct));
            var inMemory = RowText(silver, (System.Collections.IEnumerable)typeof(InMemoryLayerState).GetMethod(nameof(InMemoryLayerState.Rows))!.MakeGenericMethod(type).Invoke(state, null)!);
            Assert.True(
                server.SequenceEqual(inMemory),
                $"{type.Name}: {inMemory.Count} rows in memory, {server.Count} in the server.\nonly in memory:\n  "
                + string.Join("\n  ", inMemory.Except(server).Take(5)) + "\nonly in the server:\n  " + string.Join("\n  ", server.Except(inMemory).Take(5)));
        }

        // The server keeps one entry per (table, key, rule), re-checked by every run; the in-memory state lists every decision.
        var expected = state.Quarantined.Select(q => $"{q.Transform} {q.Key} {q.Rule}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, (await PhysicalState.ListAsync(_warehouse.Warehouse, "SELECT transform || ' ' || row_key || ' ' || rule FROM dataplatform.quarantine", ct)).Order(StringComparer.Ordinal));
        return inServer;
    }

    private static List<(string, long, long, long, long)> Counts(IEnumerable<TableResult> results) =>
        results.Select(r => (r.Table, r.RowsRead, r.RowsWritten, r.RowsQuarantined, r.RowsDeleted)).ToList();

    private static async Task<System.Collections.IEnumerable> ReadSilverAsync(ChinookSilverContext silver, Type type, CancellationToken ct)
    {
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(silver, null)!;
        return await set.AsNoTracking().ToListAsync(ct);
    }

    private static List<string> RowText(DbContext silver, System.Collections.IEnumerable rows)
    {
        var list = rows.Cast<object>().ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var properties = silver.Model.FindEntityType(list[0].GetType())!.GetProperties()
            .Where(p => !s_audit.Contains(p.GetColumnName())).OrderBy(p => p.GetColumnName(), StringComparer.Ordinal).ToList();
        return list.Select(r => string.Join(" ", properties.Select(p => p.GetColumnName() + "=" + Format(p.PropertyInfo!.GetValue(r))))).Order(StringComparer.Ordinal).ToList();
    }

    private static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => JsonSerializer.Serialize(s),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private Task<string> TextAsync(string column, string table, string where, CancellationToken ct) =>
        _warehouse.Warehouse.ScalarAsync<string>($"SELECT COALESCE(to_jsonb({column})::text, 'NULL') FROM sl__chinook.{table} WHERE {where}", ct);

    private async Task WriteAsync(IEnumerable<BronzeRecord> rows, CancellationToken ct)
    {
        var loader = new BulkDataLoader(BronzeLayer<ChinookBronzeContext>.Model, _warehouse.Warehouse.DataSource);
        foreach (var group in rows.GroupBy(r => (Type: r.GetType(), Batch: r.DpBatchId)))
        {
            await (Task)s_append.MakeGenericMethod(group.Key.Type).Invoke(null, [loader, group.ToList(), group.Key.Batch, ct])!;
        }
    }

    private static Task AppendAsync<T>(BulkDataLoader loader, List<BronzeRecord> rows, long batch, CancellationToken ct)
        where T : BronzeRecord =>
        loader.LoadAsync(rows.Cast<T>(), new BulkLoadOptions { Mode = BulkLoadMode.Append, BatchId = batch }, ct);

    private static async Task ReadAsync<T>(DbContext bronze, InMemoryLayerState state, CancellationToken ct)
        where T : BronzeRecord =>
        state.Add(await bronze.Set<T>().AsNoTracking().OrderBy(r => r.DpBatchId).ToListAsync(ct));
}
