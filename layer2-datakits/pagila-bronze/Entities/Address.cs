namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.address</c> row.</summary>
public sealed class Address : BronzeRecord
{
    /// <summary><c>address_id</c>, the source key.</summary>
    public int AddressId { get; set; }

    /// <summary><c>address</c> (the street line).</summary>
    public string? AddressLine { get; set; }

    /// <summary><c>address2</c>.</summary>
    public string? Address2 { get; set; }

    /// <summary><c>district</c>.</summary>
    public string? District { get; set; }

    /// <summary><c>city_id</c>.</summary>
    public int? CityId { get; set; }

    /// <summary><c>postal_code</c>.</summary>
    public string? PostalCode { get; set; }

    /// <summary><c>phone</c>.</summary>
    public string? Phone { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
