namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Optional base class of a temporal silver row: <see cref="SilverRecord"/> plus the <see cref="ITemporalData"/> mixin, so
/// deploying the entity also deploys <c>&lt;table&gt;__history</c> and its triggers.
/// </summary>
public abstract class TemporalSilverRecord : SilverRecord, ITemporalData
{
    /// <inheritdoc />
    public DateTime EffectiveTime { get; set; }
}
