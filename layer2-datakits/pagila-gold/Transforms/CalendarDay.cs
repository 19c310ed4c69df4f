namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>
/// One calendar day of the gold date range: every day from the earliest to the latest rental, return and payment date
/// (UTC) of the live silver rows, inclusive. The input of <see cref="DimDateTransform"/>.
/// </summary>
/// <remarks>
/// Escape hatch (Transforms/README.md): LINQ has no row generator, and a day without any rental or payment must still get a
/// row, so the days come from <c>generate_series</c> in the embedded resource <c>CalendarDay.sql</c>, mapped as a keyless
/// query entity of the gold layer's read model (<see cref="PagilaGold.Layer"/>). Only the day list is SQL; every column of <c>dim_date</c> is computed by
/// the typed transform. In memory, <see cref="For"/> builds the same list from silver rows.
/// </remarks>
internal sealed class CalendarDay
{
    private static readonly Lazy<string> s_sql = new(() => EmbeddedSql.Load("CalendarDay.sql"));

    /// <summary>The day (UTC).</summary>
    public DateOnly Day { get; set; }

    /// <summary>The SQL producing the days (one column, <c>day</c>).</summary>
    public static string Sql => s_sql.Value;

    /// <summary>The in-memory twin of <see cref="Sql"/>: the days between the earliest and latest live rental, return and payment date.</summary>
    public static IReadOnlyList<CalendarDay> For(IEnumerable<Silver.Rental> rentals, IEnumerable<Silver.Payment> payments)
    {
        var liveRentals = rentals.Where(r => r.InactivatedDate == null).ToList();
        var dates = liveRentals.Select(r => r.RentalDate)
            .Concat(liveRentals.Where(r => r.ReturnDate != null).Select(r => r.ReturnDate!.Value))
            .Concat(payments.Where(p => p.InactivatedDate == null).Select(p => p.PaymentDate))
            .Select(d => DateOnly.FromDateTime(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d))
            .ToList();
        if (dates.Count == 0)
        {
            return [];
        }

        var first = dates.Min();
        var last = dates.Max();
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => new CalendarDay { Day = first.AddDays(i) }).ToList();
    }
}
