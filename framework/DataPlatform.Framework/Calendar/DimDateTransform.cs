using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Calendar;

/// <summary>
/// Calendar days (<see cref="CalendarDay"/>) → gold <c>dim_date</c> (type 1, upsert on <c>date_key</c>): <c>date_key</c> = yyyymmdd, ISO day of the week
/// (1 = Monday … 7 = Sunday), English month and day names (invariant, not the server's or the process's culture).
/// Upsert it before the facts, and <c>RemoveMissing</c> it after them, so days leaving the range go once nothing references them.
/// </summary>
public sealed class DimDateTransform : Transform<CalendarDay, DimDate>
{
    /// <inheritdoc />
    public override string Name => "gold_dim_date";

    /// <inheritdoc />
    public override TransformDefinition<CalendarDay, DimDate> Define(ITransformSources sources, TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return From(sources.Set<CalendarDay>()).Select(d => new DimDate
        {
            DateKey = (d.Day.Year * 10000) + (d.Day.Month * 100) + d.Day.Day,
            FullDate = d.Day,
            Year = d.Day.Year,
            Quarter = (d.Day.Month + 2) / 3,
            Month = d.Day.Month,
            MonthName = d.Day.Month == 1 ? "January"
                : d.Day.Month == 2 ? "February"
                : d.Day.Month == 3 ? "March"
                : d.Day.Month == 4 ? "April"
                : d.Day.Month == 5 ? "May"
                : d.Day.Month == 6 ? "June"
                : d.Day.Month == 7 ? "July"
                : d.Day.Month == 8 ? "August"
                : d.Day.Month == 9 ? "September"
                : d.Day.Month == 10 ? "October"
                : d.Day.Month == 11 ? "November"
                : "December",
            DayOfMonth = d.Day.Day,
            DayOfWeek = d.Day.DayOfWeek == System.DayOfWeek.Sunday ? 7 : (int)d.Day.DayOfWeek,
            DayName = d.Day.DayOfWeek == System.DayOfWeek.Monday ? "Monday"
                : d.Day.DayOfWeek == System.DayOfWeek.Tuesday ? "Tuesday"
                : d.Day.DayOfWeek == System.DayOfWeek.Wednesday ? "Wednesday"
                : d.Day.DayOfWeek == System.DayOfWeek.Thursday ? "Thursday"
                : d.Day.DayOfWeek == System.DayOfWeek.Friday ? "Friday"
                : d.Day.DayOfWeek == System.DayOfWeek.Saturday ? "Saturday"
                : "Sunday",
            IsWeekend = d.Day.DayOfWeek == System.DayOfWeek.Saturday || d.Day.DayOfWeek == System.DayOfWeek.Sunday,
        });
    }
}
