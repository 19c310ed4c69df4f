namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.store</c> row.</summary>
public sealed class Store : BronzeRecord
{
    /// <summary><c>store_id</c>, the source key (ids start at 0 in the real dump).</summary>
    public int StoreId { get; set; }

    /// <summary><c>manager_staff_id</c>.</summary>
    public int? ManagerStaffId { get; set; }

    /// <summary><c>address_id</c>.</summary>
    public int? AddressId { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
