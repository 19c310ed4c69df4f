using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver inventory items, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class InventoryTransform : Transform<B.Inventory, Inventory>
{
    public override string Name => "silver_inventory";

    public override TransformDefinition<B.Inventory, Inventory> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeFilm = sources.Set<B.Film>();
        var silverFilm = sources.Set<Film>();
        var bronzeStore = sources.Set<B.Store>();
        var silverStore = sources.Set<Store>();
        return From(sources.Set<B.Inventory>())
            .Rule("orphan_film_id", b => b.FilmId != null && bronzeFilm.Any(p => p.FilmId == b.FilmId), "FilmId references no film in the source.")
            .Rule("orphan_store_id", b => b.StoreId != null && bronzeStore.Any(p => p.StoreId == b.StoreId), "StoreId references no store in the source.")
            .Rule("parent_quarantined", b => silverFilm.Any(p => p.FilmId == b.FilmId) && silverStore.Any(p => p.StoreId == b.StoreId), "A referenced row is quarantined.")
            .KeyedBy(b => b.InventoryId)
            .Select(b => new Inventory
            {
                InventoryId = b.InventoryId,
                FilmId = b.FilmId!.Value,
                StoreId = b.StoreId!.Value,
                LastUpdate = b.LastUpdate,
            });
    }
}
