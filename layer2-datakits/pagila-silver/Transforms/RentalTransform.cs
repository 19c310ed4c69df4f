using DataPlatform.Framework.Transforms;
using B = DataPlatform.Datakits.Pagila.Bronze.Entities;

namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>
/// Bronze → silver rentals, cleaned per DESIGN.md §4; rows breaking a hard rule go to quarantine and are re-read on every run
/// until they pass. The silver layer reads only the latest not-yet-applied bronze row per key and soft-deletes source deletes.
/// </summary>
internal sealed class RentalTransform : Transform<B.Rental, Rental>
{
    public override string Name => "silver_rental";

    public override TransformDefinition<B.Rental, Rental> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var bronzeCustomer = sources.Set<B.Customer>();
        var silverCustomer = sources.Set<Customer>();
        var bronzeInventory = sources.Set<B.Inventory>();
        var silverInventory = sources.Set<Inventory>();
        var bronzeStaff = sources.Set<B.Staff>();
        var silverStaff = sources.Set<Staff>();
        return From(sources.Set<B.Rental>())
            .Rule("missing_value", b => b.RentalDate != null, "The rental date is missing.")
            .Rule("implausible_date", b => b.RentalDate >= PlausibleRange.Earliest && b.RentalDate < PlausibleRange.End
                && (b.ReturnDate == null || (b.ReturnDate >= PlausibleRange.Earliest && b.ReturnDate < PlausibleRange.End)), "The rental or return date is outside 1900-2099.")
            .Rule("return_before_rental", b => b.ReturnDate == null || b.ReturnDate >= b.RentalDate, "The return date is before the rental date.")
            .Rule("orphan_inventory_id", b => b.InventoryId != null && bronzeInventory.Any(p => p.InventoryId == b.InventoryId), "InventoryId references no inventory in the source.")
            .Rule("orphan_customer_id", b => b.CustomerId != null && bronzeCustomer.Any(p => p.CustomerId == b.CustomerId), "CustomerId references no customer in the source.")
            .Rule("orphan_staff_id", b => b.StaffId != null && bronzeStaff.Any(p => p.StaffId == b.StaffId), "StaffId references no staff in the source.")
            .Rule("parent_quarantined", b => silverInventory.Any(p => p.InventoryId == b.InventoryId) && silverCustomer.Any(p => p.CustomerId == b.CustomerId) && silverStaff.Any(p => p.StaffId == b.StaffId), "A referenced row is quarantined.")
            .KeyedBy(b => b.RentalId)
            .Select(b => new Rental
            {
                RentalId = b.RentalId,
                RentalDate = b.RentalDate!.Value,
                InventoryId = b.InventoryId!.Value,
                CustomerId = b.CustomerId!.Value,
                ReturnDate = b.ReturnDate,
                StaffId = b.StaffId!.Value,
                LastUpdate = b.LastUpdate,
            });
    }
}
