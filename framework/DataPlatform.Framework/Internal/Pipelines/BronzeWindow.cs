namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// The bronze batches a silver step reads when its target's applied watermark is valid: the batches after the watermark up
/// to the running batch, plus the batches holding the rows of the target's open quarantine entries (re-read every run until
/// they pass). Every other batch was applied already.
/// </summary>
/// <param name="After">The batch bronze was applied through (exclusive lower bound).</param>
/// <param name="Through">The running batch (inclusive upper bound).</param>
/// <param name="Reopened">The older batches of open quarantine entries, read again in full.</param>
internal sealed record BronzeWindow(long After, long Through, long[] Reopened)
{
    /// <summary>The lowest batch the window reads: a newer version of a row read is at least this new.</summary>
    public long Lowest => Reopened.Length == 0 ? After + 1 : Math.Min(After + 1, Reopened.Min());
}
