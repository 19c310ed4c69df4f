using Microsoft.Extensions.Logging;

namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>Log messages of <see cref="IncrementalPlanner"/> (category <c>DataPlatform.Transforms</c>).</summary>
internal static partial class IncrementalLog
{
    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Transform {Transform}: recomputes every key, because {Reason}")]
    public static partial void Full(ILogger logger, string transform, string reason);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Transform {Transform}: recomputes the {Keys} of {Total} keys whose inputs changed")]
    public static partial void Incremental(ILogger logger, string transform, long keys, long total);
}
