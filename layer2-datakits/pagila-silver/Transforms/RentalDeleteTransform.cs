using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of rentals become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class RentalDeleteTransform : Transform<Rental, Rental>
{
    public override string Name => "silver_rental_delete";

    public override TransformDefinition<Rental, Rental> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Rental>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Rental>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.RentalId == s.RentalId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.RentalId == b.RentalId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Rental
        {
            RentalId = s.RentalId,
            RentalDate = s.RentalDate,
            InventoryId = s.InventoryId,
            CustomerId = s.CustomerId,
            ReturnDate = s.ReturnDate,
            StaffId = s.StaffId,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
