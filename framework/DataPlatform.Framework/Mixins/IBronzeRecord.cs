namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Bronze metadata (DESIGN.md §3): the batch that extracted the row, the operation and the record hash. Load time and
/// source table are per batch and table, in the ledger's <c>batch_table</c> row. Entities usually derive from
/// <see cref="BronzeRecord"/>.
/// </summary>
public interface IBronzeRecord
{
    /// <summary>The batch (ledger id) that extracted the row; the versions of a source row are ordered by it.</summary>
    long DpBatchId { get; set; }

    /// <summary>
    /// XxHash128 (16 bytes) of the source columns' canonical bytes: the columns in ordinal name order, each as binary
    /// COPY sends it (int32 length, -1 for NULL, then PostgreSQL's binary form).
    /// </summary>
    byte[] DpRecordHash { get; set; }

    /// <summary>Whether the row records an upsert or a delete of the source row.</summary>
    BronzeOperation DpOperation { get; set; }
}
