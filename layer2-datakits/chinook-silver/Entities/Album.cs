namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Album</c>: an album. Source deletes become soft deletes.</summary>
public sealed class Album : SilverRecord
{
    /// <summary>The source key.</summary>
    public int AlbumId { get; set; }

    /// <summary>The title, trimmed.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The artist (foreign key).</summary>
    public int ArtistId { get; set; }
}
