namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Base class of bronze entities: the <see cref="IBronzeRecord"/> metadata. A bronze row is identified by its source key
/// (<see cref="BronzeModelBuilderExtensions.HasBronzeSourceKey{T}"/>) and <see cref="DpBatchId"/>: a batch extracts a
/// source row at most once.
/// </summary>
public abstract class BronzeRecord : IBronzeRecord
{
    /// <inheritdoc />
    public long DpBatchId { get; set; }

    /// <inheritdoc />
    public byte[] DpRecordHash { get; set; } = [];

    /// <inheritdoc />
    public BronzeOperation DpOperation { get; set; }
}
