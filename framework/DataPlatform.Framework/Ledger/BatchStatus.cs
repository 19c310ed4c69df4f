namespace DataPlatform.Framework.Ledger;

/// <summary>Values of <c>dataplatform.batch.status</c>.</summary>
public static class BatchStatus
{
    /// <summary>The batch is running (or its process died; see <see cref="BatchLedger.MarkAbandonedBatchesFailedAsync"/>).</summary>
    public const string Running = "running";

    /// <summary>The batch finished and all its table loads committed.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The batch failed; <c>error</c> says why.</summary>
    public const string Failed = "failed";
}
