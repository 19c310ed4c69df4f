using NpgsqlTypes;

namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.film</c>.</summary>
public sealed class Film
{
    /// <summary><c>film_id integer</c>, primary key.</summary>
    public int FilmId { get; set; }

    /// <summary><c>title text NOT NULL</c>.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary><c>description text</c>.</summary>
    public string? Description { get; set; }

    /// <summary><c>release_year public.year</c> (a domain over <c>integer</c>, 1901–2155).</summary>
    public int? ReleaseYear { get; set; }

    /// <summary><c>language_id integer NOT NULL</c>, references <c>language</c>.</summary>
    public int LanguageId { get; set; }

    /// <summary><c>original_language_id integer</c>, references <c>language</c>.</summary>
    public int? OriginalLanguageId { get; set; }

    /// <summary><c>rental_duration smallint NOT NULL DEFAULT 3</c> (days).</summary>
    public short RentalDuration { get; set; } = 3;

    /// <summary><c>rental_rate numeric(4,2) NOT NULL DEFAULT 4.99</c>.</summary>
    public decimal RentalRate { get; set; } = 4.99m;

    /// <summary><c>length smallint</c> (minutes).</summary>
    public short? Length { get; set; }

    /// <summary><c>replacement_cost numeric(5,2) NOT NULL DEFAULT 19.99</c>.</summary>
    public decimal ReplacementCost { get; set; } = 19.99m;

    /// <summary><c>rating public.mpaa_rating DEFAULT 'G'</c>.</summary>
    public MpaaRating? Rating { get; set; } = MpaaRating.G;

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }

    /// <summary><c>special_features text[]</c>.</summary>
    public string[]? SpecialFeatures { get; set; }

    /// <summary>
    /// <c>fulltext tsvector NOT NULL</c>, computed by the source's <c>film_fulltext_trigger</c> from title and
    /// description. Leave it <see langword="null"/> when inserting: the trigger fills it.
    /// </summary>
    public NpgsqlTsVector? Fulltext { get; set; }
}
