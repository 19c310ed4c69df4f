using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.TestData;
using Npgsql;

namespace Acme.Datakits.Source;

/// <summary>The DDL of an acme-shaped source (embedded resource <c>Sql/acme-source.sql</c>). Idempotent.</summary>
public static class AcmeSourceSchema
{
    /// <summary>The schema of the source tables.</summary>
    public const string Name = "SOURCE_SCHEMA";

    private static readonly Lazy<string> s_script = new(() => EmbeddedText.Read(typeof(AcmeSourceSchema).Assembly, "acme-source.sql"));

    /// <summary>The DDL script.</summary>
    public static string Script => s_script.Value;

    /// <summary>Creates the source tables in the database <paramref name="dataSource"/> points to.</summary>
    public static Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        SourceDatabase.CreateSchemaAsync(dataSource, Script, cancellationToken);
}
