namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.customer</c>.</summary>
public sealed class Customer
{
    /// <summary><c>customer_id integer</c>, primary key.</summary>
    public int CustomerId { get; set; }

    /// <summary><c>store_id integer NOT NULL</c>, references <c>store</c> (store ids start at 0).</summary>
    public int StoreId { get; set; }

    /// <summary><c>first_name text NOT NULL</c>.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary><c>last_name text NOT NULL</c>.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>email text</c>.</summary>
    public string? Email { get; set; }

    /// <summary><c>address_id integer NOT NULL</c>, references <c>address</c>.</summary>
    public int AddressId { get; set; }

    /// <summary><c>activebool boolean NOT NULL DEFAULT true</c>.</summary>
    public bool Activebool { get; set; } = true;

    /// <summary><c>create_date date NOT NULL</c>.</summary>
    public DateOnly CreateDate { get; set; }

    /// <summary><c>last_update timestamptz</c> (nullable in Pagila, unlike the other tables). UTC.</summary>
    public DateTime? LastUpdate { get; set; }

    /// <summary><c>active integer</c> (1 = active).</summary>
    public int? Active { get; set; }
}
