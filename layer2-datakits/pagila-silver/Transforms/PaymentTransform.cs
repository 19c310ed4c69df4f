using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver payments, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class PaymentTransform : Transform<B.Payment, Payment>
{
    public override string Name => "silver_payment";

    public override TransformDefinition<B.Payment, Payment> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeCustomer = sources.Set<B.Customer>();
        var silverCustomer = sources.Set<Customer>();
        var bronzeRental = sources.Set<B.Rental>();
        var silverRental = sources.Set<Rental>();
        var bronzeStaff = sources.Set<B.Staff>();
        var silverStaff = sources.Set<Staff>();
        return From(sources.Set<B.Payment>())
            .Rule("missing_value", b => b.Amount != null && b.PaymentDate != null, "The amount or payment date is missing.")
            .Rule("implausible_date", b => b.PaymentDate >= PlausibleRange.Earliest && b.PaymentDate < PlausibleRange.End, "The payment date is outside 1900-2099.")
            .Rule("negative_amount", b => b.Amount >= 0, "The amount is negative.")
            .Rule("orphan_customer_id", b => b.CustomerId != null && bronzeCustomer.Any(p => p.CustomerId == b.CustomerId), "CustomerId references no customer in the source.")
            .Rule("orphan_staff_id", b => b.StaffId != null && bronzeStaff.Any(p => p.StaffId == b.StaffId), "StaffId references no staff in the source.")
            .Rule("orphan_rental_id", b => b.RentalId != null && bronzeRental.Any(p => p.RentalId == b.RentalId), "RentalId references no rental in the source.")
            .Rule("parent_quarantined", b => silverCustomer.Any(p => p.CustomerId == b.CustomerId) && silverStaff.Any(p => p.StaffId == b.StaffId) && silverRental.Any(p => p.RentalId == b.RentalId), "A referenced row is quarantined.")
            .KeyedBy(b => b.PaymentId)
            .Select(b => new Payment
            {
                PaymentId = b.PaymentId,
                CustomerId = b.CustomerId!.Value,
                StaffId = b.StaffId!.Value,
                RentalId = b.RentalId!.Value,
                Amount = b.Amount!.Value,
                PaymentDate = b.PaymentDate!.Value,
            });
    }
}
