namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Genre</c>: a genre. Source deletes become soft deletes.</summary>
public sealed class Genre : SilverRecord
{
    /// <summary>The source key.</summary>
    public int GenreId { get; set; }

    /// <summary>The name, trimmed; NULL when blank.</summary>
    public string? Name { get; set; }
}
