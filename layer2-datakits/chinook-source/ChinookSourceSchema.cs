using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.TestData;
using Npgsql;

namespace DataPlatform.Datakits.Chinook.Source;

/// <summary>
/// The DDL of a Chinook-shaped source (embedded resource <c>Sql/chinook-source.sql</c>): the 11 tables of the upstream
/// schema with their column types and primary keys but without foreign keys, so that dirty rows can exist. Idempotent.
/// </summary>
public static class ChinookSourceSchema
{
    private static readonly Lazy<string> s_script = new(() => EmbeddedText.Read(typeof(ChinookSourceSchema).Assembly, "chinook-source.sql"));

    /// <summary>The DDL script.</summary>
    public static string Script => s_script.Value;

    /// <summary>Creates the Chinook tables in schema <c>public</c> of the database <paramref name="dataSource"/> points to.</summary>
    public static Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        SourceDatabase.CreateSchemaAsync(dataSource, Script, cancellationToken);
}
