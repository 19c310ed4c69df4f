using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>fact_payment</c> (upsert on <c>payment_id</c>), one row per live payment: the customer version valid at
/// the payment date, the staff member, and the store of the rental's inventory item. A payment whose dimension member is
/// missing in gold is quarantined. The layer mirrors the rows that pass: the fact of a deleted payment is removed.
/// </summary>
internal sealed class FactPaymentTransform : Transform<PaymentInput, FactPayment>
{
    public override string Name => "gold_fact_payment";

    public override TransformDefinition<PaymentInput, FactPayment> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var customers = sources.Set<DimCustomer>();
        var stores = sources.Set<DimStore>();
        var staff = sources.Set<DimStaff>();
        var rows =
            from p in sources.Set<Payment>()
            join r in sources.Set<Rental>() on p.RentalId equals r.RentalId
            join i in sources.Set<Inventory>() on r.InventoryId equals i.InventoryId
            where p.InactivatedDate == null
            from c in customers.LookUp(d => d.CustomerId == p.CustomerId && d.ValidFrom <= p.PaymentDate && (d.ValidTo == null || d.ValidTo > p.PaymentDate))
            from st in staff.LookUp(d => d.StaffId == p.StaffId)
            from sd in stores.LookUp(d => d.StoreId == i.StoreId)
            select new PaymentInput
            {
                PaymentId = p.PaymentId,
                Payment = p,
                CustomerKey = (long?)c!.CustomerKey,
                StaffKey = (long?)st!.StaffKey,
                StoreKey = (long?)sd!.StoreKey,
            };

        return From(rows)
            .Rule("unknown_customer_version", x => x.CustomerKey != null, "No dim_customer version is valid at the payment date.")
            .Rule("unknown_staff", x => x.StaffKey != null, "The staff member is not in dim_staff.")
            .Rule("unknown_store", x => x.StoreKey != null, "The rental's store is not in dim_store.")
            .KeyedBy(x => x.PaymentId)
            .Select(x => new FactPayment
            {
                PaymentId = x.Payment.PaymentId,
                PaymentDate = x.Payment.PaymentDate,
                PaymentDateKey = (x.Payment.PaymentDate.Year * 10000) + (x.Payment.PaymentDate.Month * 100) + x.Payment.PaymentDate.Day,
                CustomerKey = x.CustomerKey!.Value,
                StaffKey = x.StaffKey!.Value,
                RentalId = x.Payment.RentalId,
                StoreKey = x.StoreKey!.Value,
                Amount = x.Payment.Amount,
            });
    }
}
