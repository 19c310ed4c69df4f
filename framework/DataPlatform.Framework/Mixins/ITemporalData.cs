namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Temporal entities: deploying one also deploys <c>&lt;table&gt;__history</c> and row triggers that write a history
/// row for every INSERT, UPDATE (only when a tracked column changed) and DELETE. Columns marked
/// <see cref="ExcludeFromHistoryAttribute"/> are not tracked.
/// </summary>
public interface ITemporalData : IHasSystime
{
    /// <summary>When this version of the row became effective. UTC; defaults to the time of the change.</summary>
    DateTime EffectiveTime { get; set; }
}
