namespace DataPlatform.Framework.Calendar;

/// <summary>
/// One calendar day of a gold date range: every day from the earliest to the latest of the dates a datakit names, in UTC,
/// inclusive. The input of <see cref="DimDateTransform"/>; a gold layer declares its dates with
/// <see cref="Pipelines.TransformLayer.WithCalendar"/>.
/// </summary>
/// <remarks>
/// Escape hatch (Transforms/README.md): LINQ has no row generator, and a day without any fact must still get a row, so the
/// days come from <c>generate_series</c> over the bounds of the datakit's date query (<see cref="SqlOver"/>), mapped as a
/// keyless query entity of the gold read model. Only the day list is SQL; every column of <c>dim_date</c> is computed by
/// the typed transform. In memory, <see cref="Between"/> builds the same list.
/// </remarks>
public sealed class CalendarDay
{
    /// <summary>The day (UTC).</summary>
    public DateOnly Day { get; set; }

    /// <summary>
    /// The SQL of the days spanned by <paramref name="datesSql"/>, a query whose single column holds dates (or
    /// timestamptz, taken in UTC): one row (column <c>day</c>) per day from its minimum to its maximum; none when it is empty.
    /// </summary>
    public static string SqlOver(string datesSql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(datesSql);
        // The cast to date is monotonic, so it is applied to the bounds rather than to every row (a third of the scan's time).
        return $"""
            SELECT CAST(d AS date) AS day
            FROM (SELECT CAST(min(x) AS date) AS first_day, CAST(max(x) AS date) AS last_day FROM ({datesSql}) AS dates (x)) AS bounds
            CROSS JOIN LATERAL generate_series(bounds.first_day, bounds.last_day, interval '1 day') AS d
            """;
    }

    /// <summary>The in-memory twin of <see cref="SqlOver"/>: every day from the earliest to the latest of <paramref name="dates"/> (UTC).</summary>
    public static IReadOnlyList<CalendarDay> Between(IEnumerable<DateTime> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var days = dates.Select(d => DateOnly.FromDateTime(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d)).ToList();
        if (days.Count == 0)
        {
            return [];
        }

        var first = days.Min();
        var last = days.Max();
        return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i => new CalendarDay { Day = first.AddDays(i) }).ToList();
    }
}
