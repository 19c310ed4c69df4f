namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.store</c>. Store ids start at 0 in the real dump.</summary>
public sealed class Store
{
    /// <summary><c>store_id integer</c>, primary key.</summary>
    public int StoreId { get; set; }

    /// <summary><c>manager_staff_id integer NOT NULL</c>, references <c>staff</c>.</summary>
    public int ManagerStaffId { get; set; }

    /// <summary><c>address_id integer NOT NULL</c>, references <c>address</c>.</summary>
    public int AddressId { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
