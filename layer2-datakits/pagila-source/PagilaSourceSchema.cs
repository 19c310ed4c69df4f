using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.TestData;
using Npgsql;

namespace DataPlatform.Datakits.Pagila.Source;

/// <summary>
/// The DDL of a Pagila-shaped source (embedded resource <c>Sql/pagila-source.sql</c>): the 15 tables with their
/// primary keys, the <c>mpaa_rating</c> enum, the <c>year</c> domain and the <c>last_update</c> / full-text triggers
/// of the upstream schema, without foreign keys and with <c>payment</c> unpartitioned. The script is idempotent.
/// </summary>
public static class PagilaSourceSchema
{
    private static readonly Lazy<string> s_script = new(() => EmbeddedText.Read(typeof(PagilaSourceSchema).Assembly, "pagila-source.sql"));

    /// <summary>The DDL script.</summary>
    public static string Script => s_script.Value;

    /// <summary>Creates the Pagila tables in schema <c>public</c> of the database <paramref name="dataSource"/> points to.</summary>
    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await SourceDatabase.CreateSchemaAsync(dataSource, Script, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the Pagila tables in schema <c>public</c> through an open connection, then reloads the connection's type catalogue.</summary>
    public static async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = new NpgsqlCommand(Script, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // The data source may have loaded its type catalogue before mpaa_rating existed; binary COPY needs the enum known.
        await connection.ReloadTypesAsync(cancellationToken).ConfigureAwait(false);
    }
}
