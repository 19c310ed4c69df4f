using DataPlatform.Framework.Naming;

namespace DataPlatform.Framework.Datakits;

/// <summary>
/// Marks an assembly as a datakit layer and names its one <see cref="DatakitDbContext"/>. Tools such as
/// <c>deploy-datakit</c> find datakits through this marker, never by scanning type names.
/// </summary>
/// <example><code>[assembly: Datakit("pagila", DatakitLayer.Bronze, typeof(PagilaBronzeContext), SourceSchema = "public")]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class DatakitAttribute : Attribute
{
    /// <summary>Declares a datakit layer.</summary>
    /// <param name="system">The source system, e.g. <c>pagila</c>.</param>
    /// <param name="layer">The layer.</param>
    /// <param name="contextType">The layer's <see cref="DatakitDbContext"/>; it needs a public constructor taking <c>DbContextOptions</c>.</param>
    public DatakitAttribute(string system, DatakitLayer layer, Type contextType)
    {
        System = system;
        Layer = layer;
        ContextType = contextType;
    }

    /// <summary>The source system, e.g. <c>pagila</c>.</summary>
    public string System { get; }

    /// <summary>The layer.</summary>
    public DatakitLayer Layer { get; }

    /// <summary>The layer's <see cref="DatakitDbContext"/> type.</summary>
    public Type ContextType { get; }

    /// <summary>The schema in the source system (source and bronze layers), e.g. <c>public</c>.</summary>
    public string? SourceSchema { get; set; }

    /// <summary>The database schema computed by <see cref="SchemaNames.For"/>.</summary>
    public string Schema => SchemaNames.For(System, Layer, SourceSchema);
}
