namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>
/// An extracted version of a <c>public.film</c> row. <c>fulltext</c> (a <c>tsvector</c>) is not extracted: it is derived
/// from <c>title</c> and <c>description</c>, which are. <c>rating</c> keeps the <c>mpaa_rating</c> label as text, so the
/// warehouse does not depend on an enum type defined by the source.
/// </summary>
public sealed class Film : BronzeRecord
{
    /// <summary><c>film_id</c>, the source key.</summary>
    public int FilmId { get; set; }

    /// <summary><c>title</c>.</summary>
    public string? Title { get; set; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; set; }

    /// <summary><c>release_year</c> (the source's <c>year</c> domain over integer).</summary>
    public int? ReleaseYear { get; set; }

    /// <summary><c>language_id</c>.</summary>
    public int? LanguageId { get; set; }

    /// <summary><c>original_language_id</c>.</summary>
    public int? OriginalLanguageId { get; set; }

    /// <summary><c>rental_duration</c> (days).</summary>
    public short? RentalDuration { get; set; }

    /// <summary><c>rental_rate numeric(4,2)</c>.</summary>
    public decimal? RentalRate { get; set; }

    /// <summary><c>length</c> (minutes).</summary>
    public short? Length { get; set; }

    /// <summary><c>replacement_cost numeric(5,2)</c>.</summary>
    public decimal? ReplacementCost { get; set; }

    /// <summary><c>rating</c>: the <c>mpaa_rating</c> label (<c>G</c>, <c>PG</c>, <c>PG-13</c>, <c>R</c>, <c>NC-17</c>).</summary>
    public string? Rating { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }

    /// <summary><c>special_features text[]</c>.</summary>
    public string[]? SpecialFeatures { get; set; }
}
