namespace DataPlatform.Framework.Mixins;

/// <summary>
/// A row applied from bronze (silver): <c>source_batch_id</c> is the bronze batch whose row it was last applied from. A
/// silver layer reads, per key, only the latest bronze row of a newer batch, so an unchanged bronze table costs nothing.
/// </summary>
public interface IHasSourceBatch
{
    /// <summary>The bronze batch whose row this row was last applied from.</summary>
    long SourceBatchId { get; set; }
}
