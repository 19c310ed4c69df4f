
namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>What one step of a transform layer did to its target table.</summary>
internal sealed record StepOutcome(long Read, long Written, long Quarantined)
{
    public long Inserted { get; init; }

    public long Updated { get; init; }

    public long Deleted { get; init; }

    public long Unchanged { get; init; }

    /// <summary>What the step records as <c>watermark_after</c> for its next run (see <see cref="IncrementalWatermark"/>), or null.</summary>
    public string? Watermark { get; init; }
}
