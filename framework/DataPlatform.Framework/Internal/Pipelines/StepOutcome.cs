
namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>What one step of a transform layer did to its target table.</summary>
internal sealed record StepOutcome(long Read, long Written, long Quarantined)
{
    public long Inserted { get; init; }

    public long Updated { get; init; }

    public long Deleted { get; init; }

    public long Unchanged { get; init; }
}
