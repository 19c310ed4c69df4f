namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.address</c>.</summary>
public sealed class Address
{
    /// <summary><c>address_id integer</c>, primary key.</summary>
    public int AddressId { get; set; }

    /// <summary><c>address text NOT NULL</c> (the street line; the property keeps the column name).</summary>
    public string AddressLine { get; set; } = string.Empty;

    /// <summary><c>address2 text</c>.</summary>
    public string? Address2 { get; set; }

    /// <summary><c>district text NOT NULL</c>.</summary>
    public string District { get; set; } = string.Empty;

    /// <summary><c>city_id integer NOT NULL</c>, references <c>city</c>.</summary>
    public int CityId { get; set; }

    /// <summary><c>postal_code text</c>.</summary>
    public string? PostalCode { get; set; }

    /// <summary><c>phone text NOT NULL</c>.</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
