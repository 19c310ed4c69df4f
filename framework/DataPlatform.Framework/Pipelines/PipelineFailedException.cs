namespace DataPlatform.Framework.Pipelines;

/// <summary>A layer of batch <see cref="BatchId"/> failed; the batch is marked failed in the ledger. The cause is the inner exception.</summary>
public sealed class PipelineFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PipelineFailedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PipelineFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public PipelineFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Batch <paramref name="batchId"/> failed because of <paramref name="innerException"/>.</summary>
    public PipelineFailedException(long batchId, Exception innerException)
        : base($"Batch {batchId} failed: {innerException?.Message}", innerException)
    {
        BatchId = batchId;
    }

    /// <summary>The failed batch.</summary>
    public long BatchId { get; }
}
