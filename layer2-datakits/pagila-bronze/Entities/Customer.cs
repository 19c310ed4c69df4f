namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.customer</c> row.</summary>
public sealed class Customer : BronzeRecord
{
    /// <summary><c>customer_id</c>, the source key.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>store_id</c>.</summary>
    public int? StoreId { get; set; }

    /// <summary><c>first_name</c>.</summary>
    public string? FirstName { get; set; }

    /// <summary><c>last_name</c>.</summary>
    public string? LastName { get; set; }

    /// <summary><c>email</c>.</summary>
    public string? Email { get; set; }

    /// <summary><c>address_id</c>.</summary>
    public int? AddressId { get; set; }

    /// <summary><c>activebool</c>.</summary>
    public bool? Activebool { get; set; }

    /// <summary><c>create_date</c>.</summary>
    public DateOnly? CreateDate { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }

    /// <summary><c>active</c> (1 = active).</summary>
    public int? Active { get; set; }
}
