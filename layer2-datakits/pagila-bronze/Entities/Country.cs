namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.country</c> row.</summary>
public sealed class Country : BronzeRecord
{
    /// <summary><c>country_id</c>, the source key.</summary>
    public int CountryId { get; set; }

    /// <summary><c>country</c> (the country's name).</summary>
    public string? CountryName { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
