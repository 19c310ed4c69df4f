namespace DataPlatform.Framework.Transforms;

/// <summary>
/// The range of dates a silver layer accepts. Sources use sentinels such as <c>9999-12-31</c> or <c>0001-01-01</c> for
/// "unknown" or "never"; passed on, one of them overflows a gold measure (days between two dates) or makes a calendar
/// dimension span millennia. A rule such as
/// <c>.Rule("implausible_date", b =&gt; b.ReturnDate &gt;= PlausibleRange.Earliest &amp;&amp; b.ReturnDate &lt; PlausibleRange.End, "…")</c>
/// quarantines such rows, with their dependants, instead. The bounds are fixed (not "now"), so a rule's verdict never
/// changes between runs.
/// </summary>
public static class PlausibleRange
{
    /// <summary>The earliest accepted instant: 1900-01-01 UTC.</summary>
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first instant no longer accepted: 2100-01-01 UTC.</summary>
    public static readonly DateTime End = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The earliest accepted day.</summary>
    public static readonly DateOnly EarliestDay = DateOnly.FromDateTime(Earliest);

    /// <summary>The first day no longer accepted.</summary>
    public static readonly DateOnly EndDay = DateOnly.FromDateTime(End);
}
