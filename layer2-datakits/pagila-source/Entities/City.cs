namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.city</c>.</summary>
public sealed class City
{
    /// <summary><c>city_id integer</c>, primary key.</summary>
    public int CityId { get; set; }

    /// <summary><c>city text NOT NULL</c> (the city's name; the property keeps the column name).</summary>
    public string CityName { get; set; } = string.Empty;

    /// <summary><c>country_id integer NOT NULL</c>, references <c>country</c>.</summary>
    public int CountryId { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
