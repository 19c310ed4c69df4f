namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>Silver <c>Track</c>: a track. Source deletes become soft deletes.</summary>
public sealed class Track : SilverRecord
{
    /// <summary>The source key.</summary>
    public int TrackId { get; set; }

    /// <summary>The name, trimmed.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The album (foreign key).</summary>
    public int? AlbumId { get; set; }

    /// <summary>The media type (foreign key).</summary>
    public int MediaTypeId { get; set; }

    /// <summary>The genre (foreign key).</summary>
    public int? GenreId { get; set; }

    /// <summary>The composer, trimmed; NULL when blank.</summary>
    public string? Composer { get; set; }

    /// <summary>The length.</summary>
    public int Milliseconds { get; set; }

    /// <summary>The size.</summary>
    public int? Bytes { get; set; }

    /// <summary>The price, never negative.</summary>
    public decimal UnitPrice { get; set; }
}
