namespace DataPlatform.Framework.Calendar;

/// <summary>
/// The gold date dimension <c>dim_date</c> every datakit shares: one row per calendar day (UTC) of the range its gold layer
/// declares (<see cref="CalendarDay"/>), keyed by <c>yyyymmdd</c>. Add it to a gold context with <see cref="DimDateConfiguration"/>.
/// </summary>
public sealed class DimDate
{
    /// <summary><c>yyyymmdd</c> (primary key).</summary>
    public int DateKey { get; set; }

    /// <summary>The day.</summary>
    public DateOnly FullDate { get; set; }

    /// <summary>The year.</summary>
    public int Year { get; set; }

    /// <summary>The quarter, 1–4.</summary>
    public int Quarter { get; set; }

    /// <summary>The month, 1–12.</summary>
    public int Month { get; set; }

    /// <summary>The English month name, e.g. <c>January</c>.</summary>
    public string MonthName { get; set; } = string.Empty;

    /// <summary>The day of the month, 1–31.</summary>
    public int DayOfMonth { get; set; }

    /// <summary>The ISO day of the week: 1 = Monday … 7 = Sunday.</summary>
    public int DayOfWeek { get; set; }

    /// <summary>The English day name, e.g. <c>Monday</c>.</summary>
    public string DayName { get; set; } = string.Empty;

    /// <summary>Whether the day is a Saturday or Sunday.</summary>
    public bool IsWeekend { get; set; }
}
