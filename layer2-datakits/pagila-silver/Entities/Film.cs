using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Silver;

/// <summary>Silver <c>Film</c>: A film. Source deletes become soft deletes (<see cref="InactivatedDate"/>).</summary>
public sealed class Film : IReferenceData, ITransactionalData, IHasSourceBatch
{
    /// <summary>The source key.</summary>
    public int FilmId { get; set; }

    /// <summary>The title, trimmed.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>The description, trimmed; NULL when blank.</summary>
    public string? Description { get; set; }

    /// <summary>The release year.</summary>
    public int? ReleaseYear { get; set; }

    /// <summary>The language (foreign key).</summary>
    public int LanguageId { get; set; }

    /// <summary>The original language (foreign key), if any.</summary>
    public int? OriginalLanguageId { get; set; }

    /// <summary>The rental duration in days.</summary>
    public short RentalDuration { get; set; }

    /// <summary>The rental rate.</summary>
    public decimal RentalRate { get; set; }

    /// <summary>The length in minutes.</summary>
    public short? Length { get; set; }

    /// <summary>The replacement cost.</summary>
    public decimal ReplacementCost { get; set; }

    /// <summary>The MPAA rating as text (G, PG, PG-13, R, NC-17).</summary>
    public string? Rating { get; set; }

    /// <summary>The special features.</summary>
    public string[]? SpecialFeatures { get; set; }

    /// <summary>The source's <c>last_update</c> (UTC).</summary>
    public DateTime? LastUpdate { get; set; }

    /// <inheritdoc />
    public long SourceBatchId { get; set; }

    /// <inheritdoc />
    public DateTime? InactivatedDate { get; set; }

    /// <inheritdoc />
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc />
    public DateTime UpdatedAt { get; set; }

    /// <inheritdoc />
    public DateTime Systime { get; set; }
}
