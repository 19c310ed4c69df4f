namespace DataPlatform.Framework.Ledger;

/// <summary>One row of <c>dataplatform.batch</c>: a pipeline run.</summary>
public sealed class Batch
{
    /// <summary>The batch id (identity); stamped on bronze rows and quarantine rows.</summary>
    public long BatchId { get; set; }

    /// <summary>The pipeline that ran, e.g. <c>pagila</c>.</summary>
    public string Pipeline { get; set; } = string.Empty;

    /// <summary>When the batch started. UTC.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>When the batch finished; NULL while running. UTC.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary><see cref="BatchStatus.Running"/>, <see cref="BatchStatus.Succeeded"/> or <see cref="BatchStatus.Failed"/>.</summary>
    public string Status { get; set; } = BatchStatus.Running;

    /// <summary>Why the batch failed.</summary>
    public string? Error { get; set; }

    /// <summary>The tables the batch touched.</summary>
    public List<BatchTable> Tables { get; set; } = [];
}
