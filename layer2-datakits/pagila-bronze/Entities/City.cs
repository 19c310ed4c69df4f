namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.city</c> row.</summary>
public sealed class City : BronzeRecord
{
    /// <summary><c>city_id</c>, the source key.</summary>
    public int CityId { get; set; }

    /// <summary><c>city</c> (the city's name).</summary>
    public string? CityName { get; set; }

    /// <summary><c>country_id</c>.</summary>
    public int? CountryId { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
