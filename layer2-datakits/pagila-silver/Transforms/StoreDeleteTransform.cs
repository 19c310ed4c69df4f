using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of stores become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class StoreDeleteTransform : Transform<Store, Store>
{
    public override string Name => "silver_store_delete";

    public override TransformDefinition<Store, Store> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Store>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Store>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.StoreId == s.StoreId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.StoreId == b.StoreId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Store
        {
            StoreId = s.StoreId,
            ManagerStaffId = s.ManagerStaffId,
            AddressId = s.AddressId,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
