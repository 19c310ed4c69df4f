using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Source deletes of payments become soft deletes: an active silver row whose latest bronze row is a <c>delete</c> newer than
/// the silver row gets <c>inactivated_date</c> = the run time; its other values stay as they were.
/// </summary>
internal sealed class PaymentDeleteTransform : Transform<Payment, Payment>
{
    public override string Name => "silver_payment_delete";

    public override TransformDefinition<Payment, Payment> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(context);
        var bronze = sources.Set<B.Payment>();
        var runTime = context.RunTimeUtc;
        var batchId = context.BatchId;
        var rows = sources.Set<Payment>().Where(s => s.InactivatedDate == null && bronze.Any(b => b.PaymentId == s.PaymentId
            && b.DpOperation == BronzeOperation.Delete && b.DpBatchId > s.SourceBatchId
            && !bronze.Any(n => n.PaymentId == b.PaymentId && n.DpBatchId > b.DpBatchId)));

        return From(rows).Select(s => new Payment
        {
            PaymentId = s.PaymentId,
            CustomerId = s.CustomerId,
            StaffId = s.StaffId,
            RentalId = s.RentalId,
            Amount = s.Amount,
            PaymentDate = s.PaymentDate,
            SourceBatchId = batchId,
            InactivatedDate = runTime,
        });
    }
}
