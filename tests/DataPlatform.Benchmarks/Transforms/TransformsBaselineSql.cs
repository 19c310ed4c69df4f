using System.Diagnostics;
using System.Globalization;
using DataPlatform.Datakits.Pagila.Gold;
using DataPlatform.Datakits.Pagila.Silver;
using Npgsql;

namespace DataPlatform.Benchmarks.Transforms;

/// <summary>
/// The hand-written SQL baseline of the <c>transforms</c> benchmark: the same bronze → silver cleaning and quarantine and the
/// same silver → gold joins as the typed transforms (first load into empty copies), written as plain INSERT … SELECT into
/// copies of the silver and gold tables in schemas <see cref="Silver"/> and <see cref="Gold"/> (same columns, keys, foreign
/// keys and indexes). Per silver table ONE statement: a CTE picks the latest bronze row per key not yet applied, classifies
/// it with the same rules (first failing rule), inserts the failures into <c>&lt;Silver&gt;.quarantine</c> and the passes into
/// the table. Gold: the dimensions and facts by joins; a fact whose dimension member is missing is filtered out (the typed
/// path quarantines it).
/// </summary>
internal static class TransformsBaselineSql
{
    public const string Silver = "bench_sql_silver";
    public const string Gold = "bench_sql_gold";

    private const string Bronze = "br__pagila__public";
    private const string EmptyArray = "{}";
    private const string Email = @"(?p)^[^@ ]+@[^@ ]+\.[^@ .]+$";

    // Every char.IsWhiteSpace character: the canonical trim set of the typed path.
    private static readonly string s_blank = string.Concat(Enumerable.Range(0, 0x3001).Select(c => (char)c).Where(char.IsWhiteSpace));

    /// <summary>Creates the copy schemas (tables LIKE the deployed silver and gold tables, plus their foreign keys) and the quarantine copy.</summary>
    public static string CreateCopies => $"""
        CREATE SCHEMA {Silver};
        CREATE SCHEMA {Gold};
        CREATE TABLE {Silver}.quarantine (LIKE dataplatform.quarantine INCLUDING ALL);
        DO $$
        DECLARE t record;
        BEGIN
          FOR t IN SELECT c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname IN ('sl__pagila', 'gl__pagila') AND c.relkind = 'r' AND c.relname NOT LIKE '%\_\_history' LOOP
            EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING ALL)',
                           CASE t.nspname WHEN 'sl__pagila' THEN '{Silver}' ELSE '{Gold}' END, t.relname, t.nspname, t.relname);
          END LOOP;
          FOR t IN SELECT c.conname, r.relname, n.nspname, pg_get_constraintdef(c.oid) AS def
                   FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
                   WHERE n.nspname IN ('sl__pagila', 'gl__pagila') AND c.contype = 'f' LOOP
            EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s',
                           CASE t.nspname WHEN 'sl__pagila' THEN '{Silver}' ELSE '{Gold}' END, t.relname, t.conname,
                           replace(replace(t.def, 'sl__pagila.', '{Silver}.'), 'gl__pagila.', '{Gold}.'));
          END LOOP;
        END $$;
        """;

    /// <summary>
    /// The typed path's foreign-key policy for batch loads, applied to one copy schema: drops its foreign keys and its
    /// non-unique indexes that back no constraint (remembered in a temporary table); <see cref="RestoreConstraints"/>
    /// rebuilds the indexes and adds the foreign keys back, each checked over its whole table.
    /// </summary>
    public static string DropConstraints(string schema) => $"""
        CREATE TEMPORARY TABLE bench_deferred ON COMMIT DROP AS
          SELECT 1 AS step, format('CREATE INDEX %s', substring(pg_get_indexdef(x.indexrelid) FROM ' INDEX (.*)$')) AS restore,
                 format('DROP INDEX %I.%I', '{schema}', i.relname) AS drop
          FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relnamespace = '{schema}'::regnamespace AND NOT x.indisunique AND NOT x.indisprimary
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
          UNION ALL
          SELECT 2, format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
                 format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname)
          FROM pg_constraint c WHERE c.connamespace = '{schema}'::regnamespace AND c.contype = 'f';
        DO $$ DECLARE d record; BEGIN FOR d IN SELECT drop FROM bench_deferred ORDER BY step DESC LOOP EXECUTE d.drop; END LOOP; END $$;
        """;

    /// <summary>Undoes <see cref="DropConstraints"/>: indexes first, then the foreign keys (checked).</summary>
    public static string RestoreConstraints => """
        DO $$ DECLARE d record; BEGIN FOR d IN SELECT restore FROM bench_deferred ORDER BY step LOOP EXECUTE d.restore; END LOOP; END $$;
        DROP TABLE bench_deferred;
        """;

    /// <summary>Empties the copies (between rounds).</summary>
    public static string Truncate => $"""
        DO $$
        DECLARE t record;
        BEGIN
          FOR t IN SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname IN ('{Silver}', '{Gold}') AND c.relkind = 'r' LOOP
            EXECUTE format('TRUNCATE %I.%I RESTART IDENTITY CASCADE', t.nspname, t.relname);
          END LOOP;
        END $$;
        """;

    /// <summary>Bronze → silver, parents first, as the typed path orders them; <c>@batch</c> is the batch id.</summary>
    public static IReadOnlyList<(string Table, string Sql)> SilverStatements { get; } =
    [
        Table("country", ["country_id"], [Rule("blank_name", NotBlank("country"))],
            "country_id, country", $"b.country_id, {Trim("b.country")}"),
        Table("city", ["city_id"],
            [Rule("blank_name", NotBlank("city")), Orphan("country", "country_id"), Parent(("country", "country_id", "country_id"))],
            "city_id, city, country_id", $"b.city_id, {Trim("b.city")}, b.country_id"),
        Table("address", ["address_id"], [Orphan("city", "city_id"), Parent(("city", "city_id", "city_id"))],
            "address_id, address, address2, district, city_id, postal_code, phone",
            $"b.address_id, {Trim("COALESCE(b.address, '')")}, {Optional("b.address2")}, {Trim("COALESCE(b.district, '')")}, b.city_id, "
            + $"{Optional("b.postal_code")}, {Trim("COALESCE(b.phone, '')")}"),
        Table("language", ["language_id"], [Rule("blank_name", NotBlank("name"))], "language_id, name", $"b.language_id, {Trim("b.name")}"),
        Table("category", ["category_id"], [Rule("blank_name", NotBlank("name"))], "category_id, name", $"b.category_id, {Trim("b.name")}"),
        Table("actor", ["actor_id"], [Rule("blank_name", $"{NotBlank("first_name")} AND {NotBlank("last_name")}")],
            "actor_id, first_name, last_name", $"b.actor_id, {Trim("b.first_name")}, {Trim("b.last_name")}"),
        Table("film", ["film_id"],
            [
                Rule("blank_title", NotBlank("title")),
                Rule("missing_value", "b.rental_duration IS NOT NULL AND b.rental_rate IS NOT NULL AND b.replacement_cost IS NOT NULL"),
                Orphan("language", "language_id"),
                Rule("orphan_original_language_id",
                    $"b.original_language_id IS NULL OR b.original_language_id IN (SELECT p.language_id FROM {Bronze}.language p)"),
                Rule("parent_quarantined",
                    $"EXISTS (SELECT 1 FROM {Silver}.language p WHERE p.language_id = b.language_id) AND (b.original_language_id IS NULL "
                    + $"OR EXISTS (SELECT 1 FROM {Silver}.language p WHERE p.language_id = b.original_language_id))"),
            ],
            "film_id, title, description, release_year, language_id, original_language_id, rental_duration, rental_rate, length, replacement_cost, rating, special_features",
            $"b.film_id, {Trim("b.title")}, {Optional("b.description")}, b.release_year, b.language_id, b.original_language_id, b.rental_duration, "
            + $"b.rental_rate, b.length, b.replacement_cost, {Optional("b.rating")}, b.special_features"),
        Table("film_actor", ["actor_id", "film_id"],
            [Orphan("actor", "actor_id", nullable: false), Orphan("film", "film_id", nullable: false),
             Parent(("actor", "actor_id", "actor_id"), ("film", "film_id", "film_id"))],
            "actor_id, film_id", "b.actor_id, b.film_id"),
        Table("film_category", ["film_id", "category_id"],
            [Orphan("film", "film_id", nullable: false), Orphan("category", "category_id", nullable: false),
             Parent(("film", "film_id", "film_id"), ("category", "category_id", "category_id"))],
            "film_id, category_id", "b.film_id, b.category_id"),
        Table("store", ["store_id"],
            [
                Rule("missing_value", "b.manager_staff_id IS NOT NULL"),
                Rule("orphan_manager_staff_id", $"b.manager_staff_id IN (SELECT p.staff_id FROM {Bronze}.staff p)"),
                Orphan("address", "address_id"), Parent(("address", "address_id", "address_id")),
            ],
            "store_id, manager_staff_id, address_id", "b.store_id, b.manager_staff_id, b.address_id"),
        Table("staff", ["staff_id"],
            [Rule("blank_name", $"{NotBlank("first_name")} AND {NotBlank("last_name")}"), Orphan("address", "address_id"), Orphan("store", "store_id"),
             Parent(("address", "address_id", "address_id"), ("store", "store_id", "store_id"))],
            "staff_id, first_name, last_name, address_id, email, store_id, is_active, username, picture",
            $"b.staff_id, {Trim("b.first_name")}, {Trim("b.last_name")}, b.address_id, {CleanEmail("b.email")}, b.store_id, COALESCE(b.active, false), "
            + $"{Trim("COALESCE(b.username, '')")}, b.picture"),
        Table("customer", ["customer_id"],
            [Rule("blank_name", $"{NotBlank("first_name")} AND {NotBlank("last_name")}"), Rule("missing_value", "b.create_date IS NOT NULL"),
             Orphan("store", "store_id"), Orphan("address", "address_id"),
             Parent(("store", "store_id", "store_id"), ("address", "address_id", "address_id"))],
            "customer_id, store_id, first_name, last_name, email, address_id, is_active, create_date",
            $"b.customer_id, b.store_id, {Trim("b.first_name")}, {Trim("b.last_name")}, {CleanEmail("b.email")}, b.address_id, "
            + "COALESCE(b.active = 1, false), b.create_date"),
        Table("inventory", ["inventory_id"],
            [Orphan("film", "film_id"), Orphan("store", "store_id"), Parent(("film", "film_id", "film_id"), ("store", "store_id", "store_id"))],
            "inventory_id, film_id, store_id", "b.inventory_id, b.film_id, b.store_id"),
        Table("rental", ["rental_id"],
            [
                Rule("missing_value", "b.rental_date IS NOT NULL"),
                Rule("return_before_rental", "b.return_date IS NULL OR b.return_date >= b.rental_date"),
                Orphan("inventory", "inventory_id"), Orphan("customer", "customer_id"), Orphan("staff", "staff_id"),
                Parent(("inventory", "inventory_id", "inventory_id"), ("customer", "customer_id", "customer_id"), ("staff", "staff_id", "staff_id")),
            ],
            "rental_id, rental_date, inventory_id, customer_id, return_date, staff_id",
            "b.rental_id, b.rental_date, b.inventory_id, b.customer_id, b.return_date, b.staff_id"),
        Table("payment", ["payment_id"],
            [
                Rule("missing_value", "b.amount IS NOT NULL AND b.payment_date IS NOT NULL"),
                Rule("negative_amount", "b.amount >= 0"),
                Orphan("customer", "customer_id"), Orphan("staff", "staff_id"), Orphan("rental", "rental_id"),
                Parent(("customer", "customer_id", "customer_id"), ("staff", "staff_id", "staff_id"), ("rental", "rental_id", "rental_id")),
            ],
            "payment_id, customer_id, staff_id, rental_id, amount, payment_date",
            "b.payment_id, b.customer_id, b.staff_id, b.rental_id, b.amount, b.payment_date",
            lastUpdate: false),
    ];

    /// <summary>Silver → gold (first load), dimensions before facts; <c>@run_time</c> is unused by a first load.</summary>
    public static IReadOnlyList<(string Table, string Sql)> GoldStatements { get; } =
    [
        ("dim_date", $"""
            INSERT INTO {Gold}.dim_date (date_key, full_date, year, quarter, month, month_name, day_of_month, day_of_week, day_name, is_weekend)
            SELECT to_char(d, 'YYYYMMDD')::int, d::date, extract(year FROM d)::int, extract(quarter FROM d)::int, extract(month FROM d)::int,
                   (ARRAY['January','February','March','April','May','June','July','August','September','October','November','December'])[extract(month FROM d)::int],
                   extract(day FROM d)::int, extract(isodow FROM d)::int,
                   (ARRAY['Monday','Tuesday','Wednesday','Thursday','Friday','Saturday','Sunday'])[extract(isodow FROM d)::int],
                   extract(isodow FROM d) >= 6
            FROM (SELECT min(x) AS lo, max(x) AS hi FROM (
                    SELECT (rental_date AT TIME ZONE 'UTC')::date AS x FROM {Silver}.rental WHERE inactivated_date IS NULL
                    UNION ALL SELECT (return_date AT TIME ZONE 'UTC')::date FROM {Silver}.rental WHERE inactivated_date IS NULL
                    UNION ALL SELECT (payment_date AT TIME ZONE 'UTC')::date FROM {Silver}.payment WHERE inactivated_date IS NULL) a) r,
                 generate_series(r.lo, r.hi, interval '1 day') d
            """),
        ("dim_customer", $"""
            INSERT INTO {Gold}.dim_customer (customer_id, first_name, last_name, full_name, email, is_active, store_id, address, address2, district, city,
                                             country, postal_code, phone, create_date, valid_from, valid_to, is_current)
            SELECT c.customer_id, c.first_name, c.last_name, c.first_name || ' ' || c.last_name, c.email, c.is_active, c.store_id, a.address, a.address2,
                   a.district, ci.city, co.country, a.postal_code, a.phone, c.create_date, timestamptz '1900-01-01 00:00:00+00', NULL, true
            FROM {Silver}.customer c JOIN {Silver}.address a ON a.address_id = c.address_id JOIN {Silver}.city ci ON ci.city_id = a.city_id
                 JOIN {Silver}.country co ON co.country_id = ci.country_id
            WHERE c.inactivated_date IS NULL
            """),
        ("dim_film", $"""
            INSERT INTO {Gold}.dim_film (film_id, title, description, release_year, language, original_language, rating, length_minutes, rental_duration_days,
                                         rental_rate, replacement_cost, special_features, categories, actor_count)
            SELECT f.film_id, f.title, f.description, f.release_year, l.name, ol.name, f.rating, f.length, f.rental_duration, f.rental_rate, f.replacement_cost,
                   f.special_features,
                   COALESCE((SELECT array_agg(c.name ORDER BY c.name COLLATE "C") FROM {Silver}.film_category fc JOIN {Silver}.category c ON c.category_id = fc.category_id
                             WHERE fc.film_id = f.film_id AND fc.inactivated_date IS NULL), '{EmptyArray}'),
                   (SELECT count(*) FROM {Silver}.film_actor fa WHERE fa.film_id = f.film_id AND fa.inactivated_date IS NULL)
            FROM {Silver}.film f JOIN {Silver}.language l ON l.language_id = f.language_id LEFT JOIN {Silver}.language ol ON ol.language_id = f.original_language_id
            """),
        ("dim_store", $"""
            INSERT INTO {Gold}.dim_store (store_id, manager_staff_id, manager_full_name, address, address2, district, city, country, postal_code, phone)
            SELECT s.store_id, s.manager_staff_id, m.first_name || ' ' || m.last_name, a.address, a.address2, a.district, ci.city, co.country, a.postal_code, a.phone
            FROM {Silver}.store s JOIN {Silver}.address a ON a.address_id = s.address_id JOIN {Silver}.city ci ON ci.city_id = a.city_id
                 JOIN {Silver}.country co ON co.country_id = ci.country_id LEFT JOIN {Silver}.staff m ON m.staff_id = s.manager_staff_id
            """),
        ("dim_staff", $"""
            INSERT INTO {Gold}.dim_staff (staff_id, first_name, last_name, full_name, email, username, store_id, is_active, is_store_manager)
            SELECT s.staff_id, s.first_name, s.last_name, s.first_name || ' ' || s.last_name, s.email, s.username, s.store_id, s.is_active,
                   EXISTS (SELECT 1 FROM {Silver}.store st WHERE st.manager_staff_id = s.staff_id AND st.inactivated_date IS NULL)
            FROM {Silver}.staff s
            """),
        ("fact_rental", $"""
            INSERT INTO {Gold}.fact_rental (rental_id, rental_date, rental_date_key, return_date, return_date_key, customer_key, film_key, store_key, staff_key,
                                            inventory_id, rental_days, is_returned, is_overdue, amount_paid, payment_count)
            SELECT r.rental_id, r.rental_date, to_char(r.rental_date AT TIME ZONE 'UTC', 'YYYYMMDD')::int, r.return_date,
                   to_char(r.return_date AT TIME ZONE 'UTC', 'YYYYMMDD')::int, dc.customer_key, df.film_key, ds.store_key, dst.staff_key, r.inventory_id,
                   round((extract(epoch FROM r.return_date - r.rental_date) / 86400)::numeric, 2), r.return_date IS NOT NULL,
                   COALESCE(r.return_date > r.rental_date + make_interval(days => f.rental_duration), false),
                   COALESCE(p.amount, 0), COALESCE(p.n, 0)
            FROM {Silver}.rental r
                 JOIN {Silver}.inventory i ON i.inventory_id = r.inventory_id
                 JOIN {Silver}.film f ON f.film_id = i.film_id
                 JOIN {Gold}.dim_film df ON df.film_id = i.film_id
                 JOIN {Gold}.dim_store ds ON ds.store_id = i.store_id
                 JOIN {Gold}.dim_staff dst ON dst.staff_id = r.staff_id
                 JOIN {Gold}.dim_customer dc ON dc.customer_id = r.customer_id AND dc.valid_from <= r.rental_date
                                              AND (dc.valid_to IS NULL OR r.rental_date < dc.valid_to)
                 LEFT JOIN (SELECT rental_id, sum(amount) AS amount, count(*) AS n FROM {Silver}.payment WHERE inactivated_date IS NULL GROUP BY rental_id) p
                        ON p.rental_id = r.rental_id
            WHERE r.inactivated_date IS NULL
            """),
        ("fact_payment", $"""
            INSERT INTO {Gold}.fact_payment (payment_id, payment_date, payment_date_key, customer_key, staff_key, rental_id, store_key, amount)
            SELECT p.payment_id, p.payment_date, to_char(p.payment_date AT TIME ZONE 'UTC', 'YYYYMMDD')::int, dc.customer_key, dst.staff_key, p.rental_id,
                   ds.store_key, p.amount
            FROM {Silver}.payment p
                 JOIN {Silver}.rental r ON r.rental_id = p.rental_id
                 JOIN {Silver}.inventory i ON i.inventory_id = r.inventory_id
                 JOIN {Gold}.dim_store ds ON ds.store_id = i.store_id
                 JOIN {Gold}.dim_staff dst ON dst.staff_id = p.staff_id
                 JOIN {Gold}.dim_customer dc ON dc.customer_id = p.customer_id AND dc.valid_from <= p.payment_date
                                              AND (dc.valid_to IS NULL OR p.payment_date < dc.valid_to)
            WHERE p.inactivated_date IS NULL
            """),
    ];

    // The typed runner's session settings (TransformSession): its work_mem (below it PostgreSQL cannot hash the parent
    // probes' IN (SELECT …) lists at scale 30 and scans the parent once per row) and no JIT (compiling each large statement
    // took about a second, more than it saved).
    private const string SessionSettings = "SET LOCAL work_mem = '64MB';\nSET LOCAL jit = off;\n";

    /// <summary>
    /// The silver statements as one script for batch <paramref name="batchId"/>, under the foreign-key policy of batch loads;
    /// each table is analyzed once written, as the typed layer does: a child's parent probes planned against a parent that
    /// still looks empty scan it once per row (at scale 30 the payment statement ran for over 10 minutes).
    /// </summary>
    public static string SilverScript(long batchId) =>
        SessionSettings + "ANALYZE " + string.Join(", ", PagilaSilver.Layer.Tables.Select(t => "br__pagila__public." + t)) + ";\n"
        + DropConstraints(Silver)
        + string.Concat(SilverStatements.Select(s =>
            s.Sql.Replace("@batch", batchId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) + $";\nANALYZE {Silver}.{s.Table};\n"))
        + RestoreConstraints;

    /// <summary>The gold statements as one script (first load), facts under the foreign-key policy of batch loads.</summary>
    public static string GoldScript() =>
        SessionSettings + "ANALYZE " + string.Join(", ", PagilaSilver.Layer.Tables.Select(t => Silver + "." + t)) + ";\n"
        + string.Join(";\n", GoldStatements.Take(5).Select(s => s.Sql)) + ";\n"
        + "ANALYZE " + string.Join(", ", PagilaGold.Layer.Tables.Take(5).Select(t => Gold + "." + t)) + ";\n"
        + DropConstraints(Gold)
        + string.Join(";\n", GoldStatements.Skip(5).Select(s => s.Sql))
        + ";\n" + RestoreConstraints;

    /// <summary>Runs one script in one transaction, without a command timeout; returns its wall-clock seconds.</summary>
    public static async Task<double> RunAsync(NpgsqlDataSource dataSource, string script, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(script, connection, transaction) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    private static string Trim(string expression) => $"btrim({expression}, '{s_blank}')";

    private static string NotBlank(string column) => $"{Trim("b." + column)} <> ''";

    private static string Optional(string expression) => $"NULLIF({Trim(expression)}, '')";

    private static string CleanEmail(string expression) =>
        $"CASE WHEN lower({Trim(expression)} COLLATE \"C.utf8\") ~ '{Email}' THEN lower({Trim(expression)} COLLATE \"C.utf8\") END";

    private static (string Name, string Good) Rule(string name, string good) => (name, good);

    // Bronze has no index: orphan probes are uncorrelated IN (SELECT …), which PostgreSQL hashes once per statement.
    private static (string Name, string Good) Orphan(string parent, string column, bool nullable = true) =>
        ($"orphan_{column}", (nullable ? $"b.{column} IS NOT NULL AND " : "")
            + $"b.{column} IN (SELECT p.{parent}_id FROM {Bronze}.{parent} p)");

    private static (string Name, string Good) Parent(params (string Parent, string Key, string Column)[] parents) =>
        ("parent_quarantined", string.Join(" AND ", parents.Select(p => $"EXISTS (SELECT 1 FROM {Silver}.{p.Parent} p WHERE p.{p.Key} = b.{p.Column})")));

    // `latest` reads the target table itself: the one-time count computes `classified` whole before the INSERT starts,
    // as the typed runner does, so the check never scans a table growing under it.
    private static (string Table, string Sql) Table(
        string table, string[] key, (string Name, string Good)[] rules, string columns, string select, bool lastUpdate = true)
    {
        var same = string.Join(" AND ", key.Select(k => $"n.{k} = b.{k}"));
        var applied = string.Join(" AND ", key.Select(k => $"s.{k} = b.{k}"));
        var rowKey = string.Join(" || '|' || ", key.Select(k => $"c.{k}::text"));
        var classify = rules.Length == 0
            ? "NULL::text"
            : "CASE " + string.Concat(rules.Select(r => $"WHEN NOT COALESCE({r.Good}, false) THEN '{r.Name}' ")) + "END";
        var extra = lastUpdate ? ", last_update" : "";
        var extraSelect = lastUpdate ? ", b.last_update" : "";
        return (table, $"""
            WITH latest AS (
                SELECT b.* FROM {Bronze}.{table} b
                WHERE b.dp_operation = 'upsert'
                  AND NOT EXISTS (SELECT 1 FROM {Bronze}.{table} n WHERE {same}
                                  AND n.dp_batch_id > b.dp_batch_id)
                  AND NOT EXISTS (SELECT 1 FROM {Silver}.{table} s WHERE {applied} AND s.source_batch_id >= b.dp_batch_id)),
            classified AS MATERIALIZED (SELECT b.*, {classify} AS dp_rule FROM latest b),
            classified_rows AS MATERIALIZED (SELECT count(*) AS n FROM classified),
            quarantined AS (
                INSERT INTO {Silver}.quarantine (batch_id, transform, table_name, row_key, rule, message, raw_row)
                SELECT @batch, 'sql_{table}', '{table}', {rowKey}, c.dp_rule, c.dp_rule, to_jsonb(c) - 'dp_rule' FROM classified c WHERE c.dp_rule IS NOT NULL)
            INSERT INTO {Silver}.{table} ({columns}{extra}, source_batch_id, inactivated_date)
            SELECT {select}{extraSelect}, b.dp_batch_id, NULL FROM classified b WHERE b.dp_rule IS NULL AND (SELECT n FROM classified_rows) >= 0
            """);
    }
}
