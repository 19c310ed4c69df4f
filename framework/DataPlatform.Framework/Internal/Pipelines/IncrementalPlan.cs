using System.Collections;
using System.Linq.Expressions;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>What <see cref="IncrementalPlanner"/> decided for one step: recompute everything, or only <see cref="Keys"/>.</summary>
internal sealed record IncrementalPlan(IncrementalWatermark? Watermark, IList? Keys, LambdaExpression? RowFilter)
{
    /// <summary>Recompute every key; record <paramref name="watermark"/> (null: the transform cannot run incrementally).</summary>
    public static IncrementalPlan Full(IncrementalWatermark? watermark) => new(watermark, null, null);

    /// <summary>Recompute the target keys <paramref name="keys"/>: the input narrowed by <paramref name="rowFilter"/>.</summary>
    public static IncrementalPlan ForKeys(IncrementalWatermark watermark, IList keys, LambdaExpression rowFilter) => new(watermark, keys, rowFilter);
}
