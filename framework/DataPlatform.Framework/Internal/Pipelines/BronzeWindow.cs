namespace DataPlatform.Framework.Internal.Pipelines;

/// <summary>
/// What a silver step reads when its target's applied watermark is valid: the bronze batches after the watermark up to the
/// running batch, plus the rows of the target's open quarantine entries (re-read every run until they pass). Every other
/// bronze row was applied already.
/// </summary>
/// <param name="After">The batch bronze was applied through (exclusive lower bound).</param>
/// <param name="Through">The running batch (inclusive upper bound).</param>
/// <param name="Target">The target table as the quarantine names it (<c>schema.table</c>).</param>
internal sealed record BronzeWindow(long After, long Through, string Target);
