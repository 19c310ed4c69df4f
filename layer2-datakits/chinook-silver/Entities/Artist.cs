namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Artist</c>: an artist. Source deletes become soft deletes.</summary>
public sealed class Artist : SilverRecord
{
    /// <summary>The source key.</summary>
    public int ArtistId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }
}
