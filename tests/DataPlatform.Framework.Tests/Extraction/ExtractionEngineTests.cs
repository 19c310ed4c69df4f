using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using DataPlatform.Framework.Extraction;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Extraction;

/// <summary>The framework's extraction engine against a real server: keys of any type, the three policies, deletes on every run.</summary>
public sealed class ExtractionEngineTests(PostgresServer server)
{
    private static readonly BronzeLayer<ExtractionBronzeContext> s_tags =
        new BronzeLayer<ExtractionBronzeContext>().Table<Tag>(ExtractionPolicy.Cursor("last_update", TimeSpan.FromMinutes(5)));

    [Fact]
    public async Task A_text_key_is_extracted_incrementally_a_rerun_writes_nothing_and_the_ledger_holds_counts_cursor_and_source()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_text", ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('a', 'Alpha', now() - interval '1 hour'), ('b', NULL, now() - interval '2 hours'), ('c ', 'C', now() - interval '3 hours')");

        var (firstBatch, first) = await db.RunAsync(s_tags);
        var tag = Assert.Single(first);
        Assert.Equal(("bronze", "tag", 3L, 3L, 3L, 0L), (tag.Layer, tag.Table, tag.RowsRead, tag.RowsWritten, tag.RowsInserted, tag.RowsDeleted));
        Assert.Null(tag.CursorBefore);
        Assert.StartsWith("{\"last_update\":\"", tag.CursorAfter, StringComparison.Ordinal);
        Assert.Equal(1L, await db.CountAsync("tag", "tag_code = 'c ' AND label = 'C' AND dp_operation = 'upsert'"));

        // The newest row is inside the lag window: read again, not written again.
        var (_, rerun) = await db.RunAsync(s_tags);
        Assert.Equal((1L, 0L, 1L, 0L), (rerun[0].RowsRead, rerun[0].RowsWritten, rerun[0].RowsUnchanged, rerun[0].RowsDeleted));
        Assert.Equal(tag.CursorAfter, rerun[0].CursorAfter);

        await db.SourceAsync("UPDATE src.tag SET label = 'Beta', last_update = now() WHERE tag_code = 'b'");
        var (_, changed) = await db.RunAsync(s_tags);
        Assert.Equal((2L, 1L, 1L), (changed[0].RowsRead, changed[0].RowsWritten, changed[0].RowsUnchanged));
        Assert.Equal(4L, await db.CountAsync("tag"));

        var (_, again) = await db.RunAsync(s_tags);
        Assert.Equal((1L, 0L, 1L), (again[0].RowsRead, again[0].RowsWritten, again[0].RowsUnchanged));

        Assert.Equal("3|3|src.tag", await db.Warehouse.ScalarAsync<string>(
            $"SELECT rows_read || '|' || rows_written || '|' || source_table FROM dataplatform.batch_table WHERE batch_id = {firstBatch} AND layer = 'bronze' AND table_name = '{ExtractionDatabases.Bronze}.tag'", ct));
    }

    [Fact]
    public async Task The_record_hash_is_XxHash128_over_the_source_fields_as_binary_COPY_sends_them_in_column_name_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_hash", ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('k1', 'Ä label', '2024-05-06 07:08:09.123456+00'), ('k2', NULL, '2000-01-01 00:00:01+00')");
        await db.RunAsync(s_tags);

        // Computed here from the values: label (text), last_update (timestamptz: int64 microseconds since 2000-01-01 UTC), tag_code (text).
        static byte[] Expected(string? label, DateTime lastUpdate, string code)
        {
            var bytes = new List<byte>();
            void Field(byte[]? value)
            {
                var length = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(length, value?.Length ?? -1);
                bytes.AddRange(length);
                bytes.AddRange(value ?? []);
            }

            var micros = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(micros, (lastUpdate - new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Ticks / 10);
            Field(label is null ? null : Encoding.UTF8.GetBytes(label));
            Field(micros);
            Field(Encoding.UTF8.GetBytes(code));
            return XxHash128.Hash([.. bytes]);
        }

        var k1 = Expected("Ä label", new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1_234_560), "k1");
        var k2 = Expected(null, new DateTime(2000, 1, 1, 0, 0, 1, DateTimeKind.Utc), "k2");
        Assert.Equal(Convert.ToHexString(k1), await db.Warehouse.ScalarAsync<string>($"SELECT upper(encode(dp_record_hash, 'hex')) FROM {ExtractionDatabases.Bronze}.tag WHERE tag_code = 'k1'", ct));
        Assert.Equal(Convert.ToHexString(k2), await db.Warehouse.ScalarAsync<string>($"SELECT upper(encode(dp_record_hash, 'hex')) FROM {ExtractionDatabases.Bronze}.tag WHERE tag_code = 'k2'", ct));
    }

    [Fact]
    public async Task A_composite_key_of_uuid_int_and_text_detects_changes_and_a_delete_on_a_plain_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_composite", ct);
        var layer = new BronzeLayer<ExtractionBronzeContext>().Table<Enrollment>(ExtractionPolicy.Cursor("changed_at", TimeSpan.FromMinutes(5)));
        const string Student = "6f1c2d3e-0000-4000-8000-000000000001";
        await db.SourceAsync($"""
            INSERT INTO src.enrollment (student_id, term, course, grade, changed_at) VALUES
                ('{Student}', 1, 'math', 'A', now() - interval '1 day'),
                ('{Student}', 1, 'art', 'B', now() - interval '1 day'),
                ('{Student}', 2, 'math', NULL, now() - interval '1 day'),
                ('6f1c2d3e-0000-4000-8000-000000000002', 1, 'math', 'C', now() - interval '1 day')
            """);
        var (_, first) = await db.RunAsync(layer);
        Assert.Equal(4L, first[0].RowsWritten);

        await db.SourceAsync($"UPDATE src.enrollment SET grade = 'A+', changed_at = now() WHERE student_id = '{Student}' AND term = 2 AND course = 'math'");
        await db.SourceAsync($"DELETE FROM src.enrollment WHERE student_id = '{Student}' AND term = 1 AND course = 'art'");
        var (batch, next) = await db.RunAsync(layer);

        Assert.Equal((3L, 2L, 1L, 2L, 1L), (next[0].RowsRead, next[0].RowsWritten, next[0].RowsInserted, next[0].RowsUnchanged, next[0].RowsDeleted));
        Assert.Equal(1L, await db.CountAsync("enrollment", $"dp_batch_id = {batch} AND dp_operation = 'delete' AND course = 'art' AND term = 1 AND grade = 'B'"));
        Assert.Equal(1L, await db.CountAsync("enrollment", $"dp_batch_id = {batch} AND dp_operation = 'upsert' AND grade = 'A+'"));

        // The delete is recorded once: the key's latest version is now a delete.
        var (_, again) = await db.RunAsync(layer);
        Assert.Equal((0L, 0L), (again[0].RowsWritten, again[0].RowsDeleted));
    }

    [Fact]
    public async Task A_snapshot_table_detects_inserts_updates_and_deletes_and_never_selects_undeclared_columns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_snapshot", ct);
        var layer = new BronzeLayer<ExtractionBronzeContext>().Table<Setting>(ExtractionPolicy.Snapshot());
        await db.SourceAsync("INSERT INTO src.setting VALUES ('a', '1', 's3cret'), ('b', '2', 's3cret'), ('c', NULL, 's3cret')");
        var (_, first) = await db.RunAsync(layer);
        Assert.Equal(3L, first[0].RowsWritten);
        Assert.Null(first[0].CursorAfter);

        await db.SourceAsync("UPDATE src.setting SET value = '22' WHERE name = 'b'; DELETE FROM src.setting WHERE name = 'c'; INSERT INTO src.setting VALUES ('d', '4', 'x'); UPDATE src.setting SET secret = 'changed'");
        var (batch, next) = await db.RunAsync(layer);

        var setting = next[0];
        Assert.Equal((3L, 2L, 1L, 1L, 3L), (setting.RowsRead, setting.RowsInserted, setting.RowsUnchanged, setting.RowsDeleted, setting.RowsWritten));
        Assert.Equal("b:22:upsert,c::delete,d:4:upsert", await db.Warehouse.ScalarAsync<string>(
            $"SELECT string_agg(name || ':' || coalesce(value, '') || ':' || dp_operation, ',' ORDER BY name) FROM {ExtractionDatabases.Bronze}.setting WHERE dp_batch_id = {batch}", ct));

        var (_, again) = await db.RunAsync(layer);
        Assert.Equal((3L, 0L, 3L), (again[0].RowsRead, again[0].RowsWritten, again[0].RowsUnchanged));
        Assert.Equal(0L, await db.Warehouse.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE column_name = 'secret' AND table_schema NOT IN ('pg_catalog', 'information_schema')", ct));
    }

    [Fact]
    public async Task A_late_commit_inside_the_lag_is_picked_up_and_one_outside_it_only_by_a_full_refresh()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_late", ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('a', 'A', '2024-01-01 12:00:00+00')");
        await db.RunAsync(s_tags);

        // Committed after the run, stamped before its cursor (12:00): one inside the 5-minute lag, one far outside it.
        await db.SourceAsync("INSERT INTO src.tag VALUES ('late', 'L', '2024-01-01 11:58:00+00'), ('later', 'L', '2024-01-01 10:00:00+00')");
        var (_, next) = await db.RunAsync(s_tags);
        Assert.Equal((2L, 1L, 1L), (next[0].RowsRead, next[0].RowsWritten, next[0].RowsUnchanged));
        Assert.Equal(1L, await db.CountAsync("tag", "tag_code = 'late'"));
        Assert.Equal(0L, await db.CountAsync("tag", "tag_code = 'later'"));

        // Documented limit: older than cursor − lag is missed by incremental runs; a full refresh reads everything and
        // appends only what differs from each key's latest version.
        var (_, full) = await db.RunAsync(s_tags, fullRefresh: true);
        Assert.Equal((3L, 1L, 2L, 0L), (full[0].RowsRead, full[0].RowsWritten, full[0].RowsUnchanged, full[0].RowsDeleted));
        Assert.Equal(1L, await db.CountAsync("tag", "tag_code = 'later'"));
        var (_, again) = await db.RunAsync(s_tags, fullRefresh: true);
        Assert.Equal((3L, 0L, 3L), (again[0].RowsRead, again[0].RowsWritten, again[0].RowsUnchanged));
        Assert.Equal(3L, await db.CountAsync("tag"));
    }

    [Fact]
    public async Task A_future_dated_row_does_not_move_the_cursor_past_the_source_clock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_future", ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('a', 'A', now() - interval '1 hour'), ('f', 'F', now() + interval '10 days')");

        var (_, first) = await db.RunAsync(s_tags);
        var (_, second) = await db.RunAsync(s_tags);

        Assert.Equal((2L, 2L), (first[0].RowsRead, first[0].RowsWritten));
        var cursor = DateTime.Parse(first[0].CursorAfter![16..^2], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(cursor, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal((1L, 0L, 1L), (second[0].RowsRead, second[0].RowsWritten, second[0].RowsUnchanged)); // 'f' is read again, not written again
    }

    [Fact]
    public async Task A_row_committed_late_by_a_long_open_source_transaction_is_not_lost_even_without_lag()
    {
        var ct = TestContext.Current.CancellationToken;
        var noLag = new BronzeLayer<ExtractionBronzeContext>().Table<Tag>(ExtractionPolicy.Cursor("last_update", TimeSpan.Zero));
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_open_txn", ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('a', 'A', now() - interval '1 hour')");

        // A writer opens its transaction (its rows get its start time as last_update) and commits only after the next run.
        await using var writer = await db.Source.OpenConnectionAsync(ct);
        await using var transaction = await writer.BeginTransactionAsync(ct);
        await using (var insert = new Npgsql.NpgsqlCommand("INSERT INTO src.tag VALUES ('slow', 'S', now())", writer, transaction))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('b', 'B', now())");
        var (_, during) = await db.RunAsync(noLag);
        await transaction.CommitAsync(ct);
        var (_, after) = await db.RunAsync(noLag);

        Assert.Equal(2L, during[0].RowsWritten);
        Assert.Equal(1L, after[0].RowsWritten);
        Assert.Equal(1L, await db.CountAsync("tag", "tag_code = 'slow'"));
    }

    [Fact]
    public async Task A_source_column_of_another_type_family_stops_extraction_before_anything_is_read()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_drift", ct);
        await db.SourceAsync("INSERT INTO src.tag VALUES ('a', 'A', now()); ALTER TABLE src.tag ALTER COLUMN last_update TYPE timestamp without time zone");

        var error = await Assert.ThrowsAsync<Framework.Schema.SchemaDriftException>(() => db.RunAsync(s_tags));

        Assert.Contains("src.tag.last_update is timestamp without time zone in the source", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.CountAsync("tag"));
    }

    [Fact]
    public async Task A_high_water_table_rereads_the_late_window_below_its_mark_and_tables_run_together()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await ExtractionDatabases.CreateAsync(server, "xt_highwater", ct);
        var layer = new BronzeLayer<ExtractionBronzeContext>()
            .Table<Reading>(ExtractionPolicy.HighWater("reading_id", 10))
            .Table<Setting>(ExtractionPolicy.Snapshot())
            .Table<Tag>(ExtractionPolicy.Cursor("last_update", TimeSpan.Zero));
        await db.SourceAsync("INSERT INTO src.reading SELECT g, g * 1.5 FROM generate_series(1, 20) AS g WHERE g NOT IN (3, 15)");
        var (_, first) = await db.RunAsync(layer);
        Assert.Equal(["reading", "setting", "tag"], first.Select(t => t.Table));
        Assert.Equal((18L, "{\"reading_id\":20}"), (first[0].RowsWritten, first[0].CursorAfter));

        // Ids above 20 − 10 are re-read: 15 (committed late) is picked up, 3 is not; 21 is new; 12's update is seen.
        await db.SourceAsync("INSERT INTO src.reading VALUES (15, 1), (3, 1), (21, 1); UPDATE src.reading SET amount = 0 WHERE reading_id = 12");
        var (_, next) = await db.RunAsync(layer);
        Assert.Equal((11L, 3L, 8L, "{\"reading_id\":21}"), (next[0].RowsRead, next[0].RowsWritten, next[0].RowsUnchanged, next[0].CursorAfter));
        Assert.Equal(0L, await db.CountAsync("reading", "reading_id = 3"));
        Assert.Equal(2L, await db.CountAsync("reading", "reading_id = 12"));
    }
}
