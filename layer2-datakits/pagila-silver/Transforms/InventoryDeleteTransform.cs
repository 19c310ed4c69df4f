using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of inventory items become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class InventoryDeleteTransform : Transform<Inventory, Inventory>
{
    public override string Name => "silver_inventory_delete";

    public override TransformDefinition<Inventory, Inventory> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Inventory>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Inventory>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.InventoryId == s.InventoryId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.InventoryId == b.InventoryId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Inventory
        {
            InventoryId = s.InventoryId,
            FilmId = s.FilmId,
            StoreId = s.StoreId,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
