namespace DataPlatform.Framework.Datakits;

/// <summary>
/// Ties an <c>IEntityTypeConfiguration&lt;T&gt;</c> to one context in an assembly that holds several datakit contexts.
/// Without it a configuration applies to every <see cref="DatakitDbContext"/> of its assembly.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DatakitConfigurationAttribute(Type contextType) : Attribute
{
    /// <summary>The context the configuration belongs to.</summary>
    public Type ContextType { get; } = contextType;
}
