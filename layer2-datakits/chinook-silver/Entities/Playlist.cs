namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Playlist</c>: A playlist (names repeat). Source deletes become soft deletes.</summary>
public sealed class Playlist : IReferenceData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int PlaylistId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
