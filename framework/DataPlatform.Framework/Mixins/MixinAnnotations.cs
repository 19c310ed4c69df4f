namespace DataPlatform.Framework.Mixins;

/// <summary>EF Core model annotations written by the mixin conventions and read by the deployer and the loader.</summary>
public static class MixinAnnotations
{
    /// <summary>On an entity type: comma-separated mixins (<c>reference</c>, <c>transactional</c>, <c>temporal</c>, <c>bronze</c>).</summary>
    public const string Mixins = "DataPlatform:Mixins";

    /// <summary>On a property: <c>true</c> when the column is excluded from the history table.</summary>
    public const string ExcludeFromHistory = "DataPlatform:ExcludeFromHistory";

    /// <summary>On an entity type: the natural key's property names (comma-separated), used by upsert and sync.</summary>
    public const string NaturalKey = "DataPlatform:NaturalKey";
}
