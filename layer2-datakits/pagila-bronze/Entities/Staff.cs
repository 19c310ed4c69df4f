namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>
/// An extracted version of a <c>public.staff</c> row. There is deliberately no <c>password</c>: secrets never leave the
/// source (the extractor does not even select the column).
/// </summary>
public sealed class Staff : BronzeRecord
{
    /// <summary><c>staff_id</c>, the source key (ids start at 0 in the real dump).</summary>
    public int StaffId { get; set; }

    /// <summary><c>first_name</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary><c>last_name</c>.</summary>
    public string? LastName { get; set; }

    /// <summary><c>address_id</c>.</summary>
    public int? AddressId { get; set; }

    /// <summary><c>email</c>.</summary>
    public string? Email { get; set; }

    /// <summary><c>store_id</c>.</summary>
    public int? StoreId { get; set; }

    /// <summary><c>active</c>.</summary>
    public bool? Active { get; set; }

    /// <summary><c>username</c>.</summary>
    public string? Username { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }

    /// <summary><c>picture bytea</c>, copied as bytes.</summary>
    public byte[]? Picture { get; set; }
}
