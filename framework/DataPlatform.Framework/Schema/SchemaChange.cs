namespace DataPlatform.Framework.Schema;

/// <summary>How a schema object in the live database differs from the model (the classification Weasel uses).</summary>
public enum SchemaChange
{
    /// <summary>The object matches the model.</summary>
    None,

    /// <summary>The object is missing and can be created without touching data.</summary>
    Create,

    /// <summary>The object exists but differs in a way that can be altered without losing data.</summary>
    Update,

    /// <summary>
    /// The object differs in a way the deployer does not change on its own (a column type, a primary key,
    /// nullable to NOT NULL): deploy stops, validate prints the SQL a person can review and run.
    /// </summary>
    Invalid,
}
