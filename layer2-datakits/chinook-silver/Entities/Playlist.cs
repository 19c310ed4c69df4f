namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Playlist</c>: a playlist (names repeat). Source deletes become soft deletes.</summary>
public sealed class Playlist : SilverRecord
{
    /// <summary>The source key.</summary>
    public int PlaylistId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }
}
