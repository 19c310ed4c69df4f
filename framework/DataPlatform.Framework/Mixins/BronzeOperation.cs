namespace DataPlatform.Framework.Mixins;

/// <summary>What a bronze row records about its source row.</summary>
public enum BronzeOperation
{
    /// <summary>The source row exists with these values (inserted or updated).</summary>
    Upsert,

    /// <summary>The source row was deleted (detected by a full snapshot).</summary>
    Delete,
}
