namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.film_actor</c> row; source key (<c>actor_id</c>, <c>film_id</c>).</summary>
public sealed class FilmActor : BronzeRecord
{
    /// <summary><c>actor_id</c>, part of the source key.</summary>
    public int ActorId { get; set; }

    /// <summary><c>film_id</c>, part of the source key.</summary>
    public int FilmId { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
