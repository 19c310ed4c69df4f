namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Artist</c>: An artist. Source deletes become soft deletes.</summary>
public sealed class Artist : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int ArtistId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
