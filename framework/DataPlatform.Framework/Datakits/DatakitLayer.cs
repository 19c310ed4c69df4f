namespace DataPlatform.Framework.Datakits;

/// <summary>The medallion layer a datakit belongs to. The layer decides the database schema (see <see cref="Naming.SchemaNames"/>).</summary>
public enum DatakitLayer
{
    /// <summary>The contract of an operational source system; its schema is the source's own (e.g. <c>public</c>).</summary>
    Source,

    /// <summary>Raw, append-only copies of source rows: <c>br__&lt;system&gt;__&lt;source_schema&gt;</c>.</summary>
    Bronze,

    /// <summary>Cleaned, conformed current state: <c>sl__&lt;system&gt;</c>.</summary>
    Silver,

    /// <summary>Business-facing star schema: <c>gl__&lt;system&gt;</c>.</summary>
    Gold,
}
