namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Bronze load metadata, stamped by the BulkDataLoader: the batch, the load time, the SHA-256 record hash of the
/// source columns (fixed order, explicit NULLs), the source table and the operation.
/// </summary>
public interface IBronzeRecord
{
    /// <summary>The batch (ledger id) that loaded the row.</summary>
    long DpBatchId { get; set; }

    /// <summary>When the row was loaded. UTC.</summary>
    DateTime DpLoadedAt { get; set; }

    /// <summary>SHA-256 of the source columns in a fixed order with explicit NULLs (32 bytes).</summary>
    byte[] DpRecordHash { get; set; }

    /// <summary>The source table, e.g. <c>public.film</c>.</summary>
    string DpSourceTable { get; set; }

    /// <summary>Whether the row records an upsert or a delete of the source row.</summary>
    BronzeOperation DpOperation { get; set; }
}
