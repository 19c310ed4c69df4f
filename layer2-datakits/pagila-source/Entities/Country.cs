namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.country</c>.</summary>
public sealed class Country
{
    /// <summary><c>country_id integer</c>, primary key.</summary>
    public int CountryId { get; set; }

    /// <summary><c>country text NOT NULL</c> (the country's name; the property keeps the column name).</summary>
    public string CountryName { get; set; } = string.Empty;

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
