namespace DataPlatform.Warehouses.Pagila.Running;

/// <summary>A step of batch <see cref="BatchId"/> failed; the batch is marked failed in the ledger. The cause is the inner exception.</summary>
internal sealed class BatchFailedException(long batchId, Exception innerException)
    : Exception($"Batch {batchId} failed: {innerException.Message}", innerException)
{
    public long BatchId { get; } = batchId;
}
