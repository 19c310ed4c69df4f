using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of staff become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class StaffDeleteTransform : Transform<Staff, Staff>
{
    public override string Name => "silver_staff_delete";

    public override TransformDefinition<Staff, Staff> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Staff>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Staff>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.StaffId == s.StaffId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.StaffId == b.StaffId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Staff
        {
            StaffId = s.StaffId,
            FirstName = s.FirstName,
            LastName = s.LastName,
            AddressId = s.AddressId,
            Email = s.Email,
            StoreId = s.StoreId,
            IsActive = s.IsActive,
            Username = s.Username,
            Picture = s.Picture,
            LastUpdate = s.LastUpdate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
