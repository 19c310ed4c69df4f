using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Transforms;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// Silver → gold <c>fact_rental</c> (upsert on <c>rental_id</c>), one row per live rental: the customer version valid at the
/// rental date, film and store via the rented inventory item, days rented, overdue flag and the sum and number of the
/// rental's live payments. A rental whose dimension member is missing in gold is quarantined (never dropped silently).
/// The layer mirrors the rows that pass: the fact of a rental deleted in the source, or now failing a rule, is removed.
/// </summary>
internal sealed class FactRentalTransform : Transform<RentalInput, FactRental>
{
    public override string Name => "gold_fact_rental";

    public override TransformDefinition<RentalInput, FactRental> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var customers = sources.Set<DimCustomer>();
        var films = sources.Set<DimFilm>();
        var stores = sources.Set<DimStore>();
        var staff = sources.Set<DimStaff>();
        var payments = sources.Set<Payment>()
            .Where(p => p.InactivatedDate == null)
            .GroupBy(p => p.RentalId)
            .Select(g => new RentalPayments { RentalId = g.Key, Amount = g.Sum(p => p.Amount), Count = g.Count() });
        var rentals =
            from r in sources.Set<Rental>()
            join i in sources.Set<Inventory>() on r.InventoryId equals i.InventoryId
            join f in sources.Set<Film>() on i.FilmId equals f.FilmId
            where r.InactivatedDate == null
            from c in customers.LookUp(d => d.CustomerId == r.CustomerId && d.ValidFrom <= r.RentalDate && (d.ValidTo == null || d.ValidTo > r.RentalDate))
            from fd in films.LookUp(d => d.FilmId == i.FilmId)
            from sd in stores.LookUp(d => d.StoreId == i.StoreId)
            from st in staff.LookUp(d => d.StaffId == r.StaffId)
            select new RentalInput
            {
                RentalId = r.RentalId,
                Rental = r,
                Inventory = i,
                RentalDuration = f.RentalDuration,
                CustomerKey = (long?)c!.CustomerKey,
                FilmKey = (long?)fd!.FilmKey,
                StoreKey = (long?)sd!.StoreKey,
                StaffKey = (long?)st!.StaffKey,
            };
        var rows = rentals.LeftJoin(
            payments,
            x => x.RentalId,
            p => p.RentalId,
            (x, p) => new RentalInput
            {
                RentalId = x.RentalId,
                Rental = x.Rental,
                Inventory = x.Inventory,
                RentalDuration = x.RentalDuration,
                CustomerKey = x.CustomerKey,
                FilmKey = x.FilmKey,
                StoreKey = x.StoreKey,
                StaffKey = x.StaffKey,
                AmountPaid = (decimal?)p!.Amount ?? 0m,
                PaymentCount = (int?)p!.Count ?? 0,
            });

        return From(rows)
            .Rule("unknown_customer_version", x => x.CustomerKey != null, "No dim_customer version is valid at the rental date.")
            .Rule("unknown_film", x => x.FilmKey != null, "The inventory item's film is not in dim_film.")
            .Rule("unknown_store", x => x.StoreKey != null, "The inventory item's store is not in dim_store.")
            .Rule("unknown_staff", x => x.StaffKey != null, "The staff member is not in dim_staff.")
            .KeyedBy(x => x.RentalId)
            .Select(x => new FactRental
            {
                RentalId = x.Rental.RentalId,
                RentalDate = x.Rental.RentalDate,
                RentalDateKey = (x.Rental.RentalDate.Year * 10000) + (x.Rental.RentalDate.Month * 100) + x.Rental.RentalDate.Day,
                ReturnDate = x.Rental.ReturnDate,
                ReturnDateKey = x.Rental.ReturnDate == null
                    ? null
                    : (x.Rental.ReturnDate.Value.Year * 10000) + (x.Rental.ReturnDate.Value.Month * 100) + x.Rental.ReturnDate.Value.Day,
                CustomerKey = x.CustomerKey!.Value,
                FilmKey = x.FilmKey!.Value,
                StoreKey = x.StoreKey!.Value,
                StaffKey = x.StaffKey!.Value,
                InventoryId = x.Inventory.InventoryId,
                RentalDays = x.Rental.ReturnDate == null
                    ? null
                    : Math.Round((decimal)(x.Rental.ReturnDate.Value - x.Rental.RentalDate).TotalDays, 2),
                IsReturned = x.Rental.ReturnDate != null,
                IsOverdue = x.Rental.ReturnDate != null && x.Rental.ReturnDate.Value > x.Rental.RentalDate.AddDays(x.RentalDuration),
                AmountPaid = x.AmountPaid,
                PaymentCount = x.PaymentCount,
            });
    }
}
