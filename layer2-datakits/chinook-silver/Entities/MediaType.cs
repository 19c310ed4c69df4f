namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>MediaType</c>: A media type. Source deletes become soft deletes.</summary>
public sealed class MediaType : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int MediaTypeId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
