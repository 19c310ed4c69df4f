namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.film_category</c> row; source key (<c>film_id</c>, <c>category_id</c>).</summary>
public sealed class FilmCategory : BronzeRecord
{
    /// <summary><c>film_id</c>, part of the source key.</summary>
    public int FilmId { get; set; }

    /// <summary><c>category_id</c>, part of the source key.</summary>
    public int CategoryId { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
