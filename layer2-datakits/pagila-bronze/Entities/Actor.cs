namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.actor</c> row.</summary>
public sealed class Actor : BronzeRecord
{
    /// <summary><c>actor_id</c>, the source key.</summary>
    public int ActorId { get; set; }

    /// <summary><c>first_name</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary><c>last_name</c>.</summary>
    public string? LastName { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
