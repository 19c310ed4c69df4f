namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.film_actor</c>; primary key (<c>actor_id</c>, <c>film_id</c>).</summary>
public sealed class FilmActor
{
    /// <summary><c>actor_id integer NOT NULL</c>, references <c>actor</c>.</summary>
    public int ActorId { get; set; }

    /// <summary><c>film_id integer NOT NULL</c>, references <c>film</c>.</summary>
    public int FilmId { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
