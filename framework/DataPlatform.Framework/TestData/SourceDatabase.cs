using DataPlatform.Framework.Loading;
using DataPlatform.Framework.Naming;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DataPlatform.Framework.TestData;

/// <summary>
/// Creates and fills a generated source database for a source datakit's synthetic source: its DDL script, then the
/// generator's rows through the <see cref="BulkDataLoader"/> (binary COPY, streamed), then the identity sequences moved
/// past the generated ids so the source accepts new rows without explicit ids.
/// </summary>
public static class SourceDatabase
{
    /// <summary>Runs the (idempotent) DDL <paramref name="script"/>, then reloads the data source's type catalogue (binary COPY needs new enums known).</summary>
    public static async Task CreateSchemaAsync(NpgsqlDataSource dataSource, string script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(script);
        var command = dataSource.CreateCommand(script);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await dataSource.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends the rows of <paramref name="jobs"/> (tables of <paramref name="model"/>) with bounded parallelism, then advances
    /// the identity sequences of <paramref name="schema"/>.
    /// </summary>
    /// <returns>The rows loaded per table name (without schema).</returns>
    public static async Task<IReadOnlyDictionary<string, long>> LoadAsync(
        NpgsqlDataSource dataSource,
        IModel model,
        IReadOnlyList<BulkLoadJob> jobs,
        string schema,
        int maxDegreeOfParallelism,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(jobs);
        SqlIdentifier.Validate(schema, "Source schema");
        var loader = new BulkDataLoader(model, dataSource, loggerFactory);
        var results = await loader.LoadManyAsync(jobs, maxDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
        var sql = $"""
            SELECT setval(pg_get_serial_sequence(quote_ident(t.table_schema) || '.' || quote_ident(t.table_name), t.column_name),
                          COALESCE((xpath('/row/m/text()', query_to_xml(format('SELECT max(%I) AS m FROM %I.%I', t.column_name, t.table_schema, t.table_name), false, true, '')))[1]::text::bigint, 0) + 1,
                          false)
            FROM information_schema.columns t
            WHERE t.table_schema = '{schema}' AND t.is_identity = 'YES'
            """;
        var command = dataSource.CreateCommand(sql);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return results.ToDictionary(r => r.Table[(r.Table.IndexOf('.', StringComparison.Ordinal) + 1)..].Trim('"'), r => r.RowsInserted, StringComparer.Ordinal);
    }
}
