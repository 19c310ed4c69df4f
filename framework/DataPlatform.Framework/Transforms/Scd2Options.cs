
namespace DataPlatform.Framework.Transforms;

/// <summary>Options of an SCD type 2 merge (<see cref="Pipelines.TransformLayer.Scd2{TSource, TTarget}"/>).</summary>
public sealed class Scd2Options
{
    /// <summary>
    /// When the first version of every key becomes valid: 1900-01-01 00:00 UTC, so every historical fact finds a version.
    /// (Chosen over <c>-infinity</c> because BI tools, .NET and JSON handle a real date.)
    /// </summary>
    public static DateTime BeginningOfTime { get; } = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The natural key properties; null to read them from the model: the natural key annotation
    /// (<see cref="Scd2ModelBuilderExtensions.HasScd2NaturalKey{TEntity}"/>), else the unique index filtered on the current flag.
    /// </summary>
    public IReadOnlyList<string>? NaturalKey { get; init; }

    /// <summary>The property holding when a version became valid (default <c>ValidFrom</c>).</summary>
    public string ValidFromProperty { get; init; } = "ValidFrom";

    /// <summary>The property holding when a version stopped being valid, NULL while current (default <c>ValidTo</c>).</summary>
    public string ValidToProperty { get; init; } = "ValidTo";

    /// <summary>The property flagging the current version (default <c>IsCurrent</c>).</summary>
    public string IsCurrentProperty { get; init; } = "IsCurrent";
}
