namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.actor</c>.</summary>
public sealed class Actor
{
    /// <summary><c>actor_id integer</c>, primary key.</summary>
    public int ActorId { get; set; }

    /// <summary><c>first_name text NOT NULL</c>.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary><c>last_name text NOT NULL</c>.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>last_update timestamptz NOT NULL</c>; bumped by the source's <c>last_updated</c> trigger. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
