
namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>What one step of a transform layer did to its target table.</summary>
internal sealed record StepOutcome(long Read, long Written, long Quarantined)
{
    public long Inserted { get; init; }

    public long Updated { get; init; }

    public long Deleted { get; init; }

    public long Unchanged { get; init; }

    /// <summary>The table's incremental cursor before the step (<see cref="AppliedWatermark"/>), for its ledger row.</summary>
    public string? WatermarkBefore { get; init; }

    /// <summary>The table's incremental cursor after the step, for its ledger row; null when the step keeps none.</summary>
    public string? WatermarkAfter { get; init; }
}
