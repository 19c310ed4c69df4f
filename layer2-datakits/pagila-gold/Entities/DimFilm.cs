namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>Gold <c>dim_film</c> (type 1).</summary>
public sealed class DimFilm
{
    /// <summary>Surrogate key.</summary>
    public long FilmKey { get; set; }

    /// <summary>The film's natural key.</summary>
    public int FilmId { get; set; }

    /// <summary>The title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The release year.</summary>
    public int? ReleaseYear { get; set; }

    /// <summary>The language name.</summary>
    public string Language { get; set; } = string.Empty;

    /// <summary>The original language name, if any.</summary>
    public string? OriginalLanguage { get; set; }

    /// <summary>The MPAA rating.</summary>
    public string? Rating { get; set; }

    /// <summary>The length in minutes.</summary>
    public int? LengthMinutes { get; set; }

    /// <summary>The rental duration in days.</summary>
    public int RentalDurationDays { get; set; }

    /// <summary>The rental rate.</summary>
    public decimal RentalRate { get; set; }

    /// <summary>The replacement cost.</summary>
    public decimal ReplacementCost { get; set; }

    /// <summary>The special features.</summary>
    public string[]? SpecialFeatures { get; set; }

    /// <summary>The category names, sorted.</summary>
    public string[] Categories { get; set; } = [];

    /// <summary>How many actors appear in the film.</summary>
    public int ActorCount { get; set; }
}
