namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.film_category</c>; primary key (<c>film_id</c>, <c>category_id</c>).</summary>
public sealed class FilmCategory
{
    /// <summary><c>film_id integer NOT NULL</c>, references <c>film</c>.</summary>
    public int FilmId { get; set; }

    /// <summary><c>category_id integer NOT NULL</c>, references <c>category</c>.</summary>
    public int CategoryId { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
