namespace DataPlatform.Datakits.Pagila.Source.Entities;

/// <summary>A row of <c>public.inventory</c>: one copy of a film in a store.</summary>
public sealed class Inventory
{
    /// <summary><c>inventory_id integer</c>, primary key.</summary>
    public int InventoryId { get; set; }

    /// <summary><c>film_id integer NOT NULL</c>, references <c>film</c>.</summary>
    public int FilmId { get; set; }

    /// <summary><c>store_id integer NOT NULL</c>, references <c>store</c> (store ids start at 0).</summary>
    public int StoreId { get; set; }

    /// <summary><c>last_update timestamptz NOT NULL</c>. UTC.</summary>
    public DateTime LastUpdate { get; set; }
}
