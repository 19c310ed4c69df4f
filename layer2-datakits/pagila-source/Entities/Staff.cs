namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.staff</c>. Staff ids start at 0 in the real dump.</summary>
public sealed class Staff
{
    /// <summary><c>staff_id integer</c>, primary key.</summary>
    public int StaffId { get; set; }

    /// <summary><c>first_name text NOT NULL</c>.</summary>
    public string FirstName { get; set; } = string.Empty;

    /// <summary><c>last_name text NOT NULL</c>.</summary>
    public string LastName { get; set; } = string.Empty;

    /// <summary><c>address_id integer NOT NULL</c>, references <c>address</c>.</summary>
    public int AddressId { get; set; }

    /// <summary><c>email text</c>.</summary>
    public string? Email { get; set; }

    /// <summary><c>store_id integer NOT NULL</c>, references <c>store</c>.</summary>
    public int StoreId { get; set; }

    /// <summary><c>active boolean NOT NULL DEFAULT true</c>.</summary>
    public bool Active { get; set; } = true;

    /// <summary><c>username text NOT NULL</c>.</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary><c>password text</c>: a secret of the source. It is never extracted into the warehouse.</summary>
    public string? Password { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }

    /// <summary><c>picture bytea</c>.</summary>
    public byte[]? Picture { get; set; }
}
