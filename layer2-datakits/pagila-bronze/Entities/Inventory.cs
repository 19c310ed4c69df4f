namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.inventory</c> row.</summary>
public sealed class Inventory : BronzeRecord
{
    /// <summary><c>inventory_id</c>, the source key.</summary>
    public int InventoryId { get; set; }

    /// <summary><c>film_id</c>.</summary>
    public int? FilmId { get; set; }

    /// <summary><c>store_id</c>.</summary>
    public int? StoreId { get; set; }

    /// <summary><c>last_update</c>. UTC.</summary>
    public DateTime? LastUpdate { get; set; }
}
