using DataPlatform.Datakits.Pagila.Silver;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// The deletes of a gold run, typed LINQ translated by EF Core into one set-based <c>DELETE</c> each (in the run's
/// transaction): facts whose silver rental or payment is gone or soft-deleted (a source delete removes its facts), and
/// <c>dim_date</c> days outside the current calendar range (only after the stale facts that referenced them are gone).
/// </summary>
internal static class GoldDeletes
{
    public static Task<int> StaleRentalsAsync(PagilaGoldSources sources, CancellationToken cancellationToken)
    {
        var live = sources.Set<Rental>().Where(r => r.InactivatedDate == null);
        return sources.Set<FactRental>().Where(f => !live.Any(r => r.RentalId == f.RentalId)).ExecuteDeleteAsync(cancellationToken);
    }

    public static Task<int> StalePaymentsAsync(PagilaGoldSources sources, CancellationToken cancellationToken)
    {
        var live = sources.Set<Payment>().Where(p => p.InactivatedDate == null);
        return sources.Set<FactPayment>().Where(f => !live.Any(p => p.PaymentId == f.PaymentId)).ExecuteDeleteAsync(cancellationToken);
    }

    public static Task<int> DaysOutsideRangeAsync(PagilaGoldSources sources, CancellationToken cancellationToken)
    {
        var days = sources.Set<CalendarDay>();
        return sources.Set<DimDate>().Where(d => !days.Any(c => c.Day == d.FullDate)).ExecuteDeleteAsync(cancellationToken);
    }
}
