namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Album</c>: An album. Source deletes become soft deletes.</summary>
public sealed class Album : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int AlbumId { get; set; }

    /// <summary>The title, trimmed.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The artist (foreign key).</summary>
    public int ArtistId { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
