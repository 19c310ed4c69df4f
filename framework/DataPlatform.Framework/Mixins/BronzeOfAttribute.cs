namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Declares a bronze entity as a mirror of a source-contract entity. The DataPlatform source generator (shipped in the
/// DataPlatform.Framework package) writes the other half of the partial class: one property per public read/write
/// property of <see cref="Source"/>, in declaration order, nullable except the <see cref="Key"/> properties (which keep
/// their type); enum properties become <c>string?</c> (bronze stores the label as text). The class names its own base,
/// e.g. the bronze metadata record. A <c>BronzeContext</c> maps it from the source context's model, so the bronze datakit
/// writes neither the properties nor their columns.
/// </summary>
/// <example><code>
/// [BronzeOf(typeof(Source.Entities.Staff), nameof(Source.Entities.Staff.StaffId), Exclude = [nameof(Source.Entities.Staff.Password)])]
/// public sealed partial class Staff : BronzeRecord;
/// </code></example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BronzeOfAttribute : Attribute
{
    /// <summary>Declares the source entity and its key.</summary>
    /// <param name="source">The source-contract entity type mirrored.</param>
    /// <param name="key">The source key's property names, in key order (use <c>nameof</c>).</param>
    public BronzeOfAttribute(Type source, params string[] key)
    {
        Source = source;
        Key = key;
    }

    /// <summary>The source-contract entity type mirrored.</summary>
    public Type Source { get; }

    /// <summary>The source key's property names, in key order.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>Source properties not mirrored (secrets, derived or unsupported columns); use <c>nameof</c>.</summary>
    public string[] Exclude { get; set; } = [];
}
