namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Optional base class of a silver row applied from bronze: the <see cref="IReferenceData"/> mixin (a source delete becomes a
/// soft delete) and <see cref="IHasSourceBatch"/>. <see cref="SourceBatchId"/> is pipeline bookkeeping, not data: it is kept
/// out of the history of temporal rows (<see cref="TemporalSilverRecord"/>), so re-applying equal values writes no version.
/// </summary>
public abstract class SilverRecord : IReferenceData, IHasSourceBatch
{
    /// <inheritdoc />
    [ExcludeFromHistory]
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
