namespace DataPlatform.Framework.Mixins;

/// <summary>EF Core model annotations written by the mixin conventions and read by the deployer and the loader.</summary>
internal static class MixinAnnotations
{
    /// <summary>On an entity type: comma-separated mixins (<c>reference</c>, <c>transactional</c>, <c>temporal</c>, <c>bronze</c>).</summary>
    public const string Mixins = "DataPlatform:Mixins";

    /// <summary>On a property: <c>true</c> when the column is excluded from the history table.</summary>
    public const string ExcludeFromHistory = "DataPlatform:ExcludeFromHistory";

    /// <summary>On an entity type: the natural key's property names (comma-separated), used by upsert and sync.</summary>
    public const string NaturalKey = "DataPlatform:NaturalKey";

    /// <summary>
    /// On an entity type: columns (comma-separated) that earlier versions of its mixins created and that the model no
    /// longer has. Deploy keeps them with their data but drops their NOT NULL, so rows written without them succeed.
    /// </summary>
    public const string RetiredColumns = "DataPlatform:RetiredColumns";

    /// <summary>
    /// On a bronze entity type: the source key's property names (comma-separated, in key order), set by
    /// <see cref="BronzeModelBuilderExtensions.HasBronzeSourceKey{T}"/>.
    /// </summary>
    public const string BronzeSourceKey = "DataPlatform:BronzeSourceKey";

    /// <summary>
    /// On a bronze property whose store type differs from the source column's on purpose: the source's store type (a
    /// <c>timestamp without time zone</c> kept as <c>timestamptz</c>, read as UTC). Extraction checks the source against it.
    /// </summary>
    public const string BronzeSourceStoreType = "DataPlatform:BronzeSourceStoreType";
}
