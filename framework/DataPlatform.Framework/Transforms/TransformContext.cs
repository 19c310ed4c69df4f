
namespace DataPlatform.Framework.Transforms;

/// <summary>
/// The values a transform may depend on besides its input rows. Transforms take the batch and the run time from here
/// (never from the clock), so the in-memory and the in-server path see the same values.
/// </summary>
/// <param name="BatchId">The batch (ledger id) of this run.</param>
/// <param name="RunTime">The time of this run (UTC): stamps, soft-delete times and SCD2 change times come from it.</param>
public sealed record TransformContext(long BatchId, DateTime RunTime)
{
    /// <summary>The run time as UTC, whatever kind the caller passed.</summary>
    public DateTime RunTimeUtc => RunTime.Kind == DateTimeKind.Utc ? RunTime : DateTime.SpecifyKind(RunTime, DateTimeKind.Utc);
}
