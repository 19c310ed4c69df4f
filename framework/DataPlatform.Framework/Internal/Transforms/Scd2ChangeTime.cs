namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The change time of an SCD2 merge: the run's time, unless the dimension already holds a boundary at or after it (the
/// host clock went back, or two runs share a timestamp). Then it is one step after the latest boundary, so every new
/// version starts after the one it closes and no interval ends before it begins.
/// </summary>
internal static class Scd2ChangeTime
{
    /// <summary>PostgreSQL keeps microseconds: a smaller step would round back onto the latest boundary.</summary>
    private static readonly TimeSpan s_timestampStep = TimeSpan.FromTicks(10);

    public static DateTime After(DateTime requested, DateTime? latestBoundary, bool isDate)
    {
        if (latestBoundary is not { } latest || latest < requested)
        {
            return requested;
        }

        var step = isDate ? TimeSpan.FromDays(1) : s_timestampStep;
        return DateTime.SpecifyKind(latest + step, DateTimeKind.Utc);
    }

    /// <summary>The latest <c>valid_from</c> or <c>valid_to</c> as microseconds since the Unix epoch (NULL → -2^63).</summary>
    public static string LatestBoundarySql(Scd2Dimension dimension) =>
        $"SELECT coalesce((extract(epoch FROM greatest(max({dimension.ValidFrom.Quoted}), max({dimension.ValidTo.Quoted}))) * 1000000)::bigint, -9223372036854775808) "
        + $"FROM {dimension.Table.QualifiedName}";

    public static DateTime? FromEpochMicroseconds(long microseconds) =>
        microseconds == long.MinValue ? null : DateTime.UnixEpoch.AddTicks(microseconds * 10);

    public static bool IsDate(Scd2Dimension dimension) => dimension.ValidFrom.StoreType.StartsWith("date", StringComparison.Ordinal);
}
