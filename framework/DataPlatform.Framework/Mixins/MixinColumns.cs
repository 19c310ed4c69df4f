namespace DataPlatform.Framework.Mixins;

/// <summary>The column names the mixins add (DESIGN.md §3). Names are part of the contract.</summary>
public static class MixinColumns
{
    /// <summary><see cref="IHasSystime.Systime"/>.</summary>
    public const string Systime = "systime";

    /// <summary><see cref="IReferenceData.InactivatedDate"/>.</summary>
    public const string InactivatedDate = "inactivated_date";

    /// <summary><see cref="ITransactionalData.CreatedAt"/>.</summary>
    public const string CreatedAt = "created_at";

    /// <summary><see cref="ITransactionalData.UpdatedAt"/>.</summary>
    public const string UpdatedAt = "updated_at";

    /// <summary><see cref="ITemporalData.EffectiveTime"/>.</summary>
    public const string EffectiveTime = "effective_time";

    /// <summary><see cref="IBronzeRecord.DpBatchId"/>.</summary>
    public const string BatchId = "dp_batch_id";

    /// <summary><see cref="IBronzeRecord.DpRecordHash"/>.</summary>
    public const string RecordHash = "dp_record_hash";

    /// <summary><see cref="IBronzeRecord.DpOperation"/>.</summary>
    public const string Operation = "dp_operation";

    /// <summary>
    /// Bronze columns of earlier versions (<c>dp_loaded_at</c>, <c>dp_source_table</c>): load time and source table now
    /// live in the ledger's <c>batch_table</c> row. Deploy relaxes them to NULL where they still exist.
    /// </summary>
    public static IReadOnlyList<string> RetiredBronzeColumns { get; } = ["dp_loaded_at", "dp_source_table"];

    /// <summary>History table columns of <see cref="ITemporalData"/> entities.</summary>
    public const string HistoryId = "history_id";

    /// <summary>History table column holding INSERT, UPDATE or DELETE.</summary>
    public const string OperationType = "operation_type";

    /// <summary>Suffix of a temporal entity's history table.</summary>
    public const string HistoryTableSuffix = "__history";
}
