using DataPlatform.Framework.Extraction;
using DataPlatform.Framework.Schema;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Extraction;

/// <summary>Bronze tables deployed with the retired metadata columns (<c>dp_loaded_at</c>, <c>dp_source_table</c>) keep working.</summary>
public sealed class BronzeMigrationTests(PostgresServer server)
{
    [Fact]
    public async Task Deploy_relaxes_the_retired_columns_keeps_their_rows_and_extraction_appends()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_migrate", ct);
        const string Tag = ExtractionDatabases.Bronze + ".tag";

        // The shape an earlier version deployed: two more NOT NULL metadata columns, and rows in them.
        await db.Warehouse.ExecuteAsync(
            $"""
            ALTER TABLE {Tag} ADD COLUMN dp_loaded_at timestamptz NOT NULL DEFAULT now(), ADD COLUMN dp_source_table text NOT NULL DEFAULT 'public.tag';
            ALTER TABLE {Tag} ALTER COLUMN dp_loaded_at DROP DEFAULT, ALTER COLUMN dp_source_table DROP DEFAULT;
            INSERT INTO {Tag} (tag_code, label, last_update, dp_batch_id, dp_record_hash, dp_operation, dp_loaded_at, dp_source_table)
            VALUES ('old', 'Old', now(), 0, '\x00', 'upsert', '2024-01-01 00:00:00+00', 'src.tag');
            """,
            ct);

        await using (var context = ExtractionBronzeContext.Create(db.Warehouse.ConnectionString))
        {
            var deployer = new SchemaDeployer();
            var plan = await deployer.ValidateAsync(context, db.Warehouse.ConnectionString, ct);
            Assert.Contains(plan.Differences, d => d.Change == SchemaChange.Update && d.ObjectName == $"{Tag}.dp_loaded_at");
            Assert.DoesNotContain(plan.Differences, d => d.Change == SchemaChange.Invalid);
            await deployer.DeployAsync(context, db.Warehouse.ConnectionString, ct);
        }

        Assert.Equal("YES,YES", await db.Warehouse.ScalarAsync<string>(
            $"""
            SELECT string_agg(is_nullable, ',' ORDER BY column_name) FROM information_schema.columns
            WHERE table_schema = '{ExtractionDatabases.Bronze}' AND table_name = 'tag' AND column_name IN ('dp_loaded_at', 'dp_source_table')
            """,
            ct));

        await db.SourceAsync("INSERT INTO src.tag VALUES ('new', 'New', now())");
        var (_, tables) = await db.RunAsync(new BronzeLayer<ExtractionBronzeContext>().Table<Tag>(ExtractionPolicy.Cursor("last_update", TimeSpan.FromMinutes(5))));
        Assert.Equal(1L, tables[0].RowsInserted);
        Assert.Equal(1L, await db.CountAsync("tag", "tag_code = 'old' AND dp_source_table = 'src.tag' AND dp_loaded_at = '2024-01-01 00:00:00+00'"));
        Assert.Equal(1L, await db.CountAsync("tag", "tag_code = 'new' AND dp_loaded_at IS NULL"));
    }
}
