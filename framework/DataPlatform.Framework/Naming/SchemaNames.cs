using DataPlatform.Framework.Datakits;

namespace DataPlatform.Framework.Naming;

/// <summary>
/// The one rule that computes database schema names (DESIGN.md §2): bronze <c>br__&lt;system&gt;__&lt;source_schema&gt;</c>,
/// silver <c>sl__&lt;system&gt;</c>, gold <c>gl__&lt;system&gt;</c>; framework bookkeeping lives in <see cref="Bookkeeping"/>.
/// </summary>
public static class SchemaNames
{
    /// <summary>The schema of the framework's own tables (batch ledger, quarantine, cursors).</summary>
    public const string Bookkeeping = "dataplatform";

    /// <summary>Computes the schema of a datakit layer.</summary>
    /// <param name="system">The source system, e.g. <c>pagila</c>.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="sourceSchema">The schema in the source system; required for <see cref="DatakitLayer.Source"/> and <see cref="DatakitLayer.Bronze"/>.</param>
    public static string For(string system, DatakitLayer layer, string? sourceSchema = null)
    {
        SqlIdentifier.Validate(system, "System name");
        return layer switch
        {
            DatakitLayer.Source => SqlIdentifier.Validate(RequireSourceSchema(sourceSchema, layer), "Source schema"),
            DatakitLayer.Bronze => SqlIdentifier.Validate($"br__{system}__{RequireSourceSchema(sourceSchema, layer)}", "Bronze schema"),
            DatakitLayer.Silver => SqlIdentifier.Validate($"sl__{system}", "Silver schema"),
            DatakitLayer.Gold => SqlIdentifier.Validate($"gl__{system}", "Gold schema"),
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown datakit layer."),
        };
    }

    private static string RequireSourceSchema(string? sourceSchema, DatakitLayer layer) =>
        string.IsNullOrEmpty(sourceSchema)
            ? throw new ArgumentException($"The {layer} layer needs the source schema name.", nameof(sourceSchema))
            : sourceSchema;
}
