namespace DataPlatform.Framework.Pipelines;

/// <summary>How big and how dirty a generated source is.</summary>
/// <param name="Scale">Size: 1 is about the real system's row counts, 10 is ten times that.</param>
/// <param name="DirtyRate">Share of deliberately bad rows per defect kind, 0 to 1 (ignored when <see cref="DefectsPerSlot"/> is set).</param>
/// <param name="Seed">The random seed: the same options give the same rows.</param>
public sealed record SyntheticSourceOptions(double Scale, double DirtyRate, int Seed)
{
    /// <summary>
    /// A demo's handful of bad rows instead of <see cref="DirtyRate"/>: this many per defect slot (table, column and kind),
    /// at most one row in ten of a table, planted on rows no other generated row references, so the quarantine shows every
    /// kind of defect without cascading to dependants (<see cref="TestData.DefectPlan{TKind}.Handful"/>). Null: the dirty rate applies.
    /// </summary>
    public int? DefectsPerSlot { get; init; }

    /// <summary>Throws unless the scale is a positive finite number, the dirty rate is in [0, 1] and the handful is not negative.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (DefectsPerSlot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DefectsPerSlot), DefectsPerSlot, "The defects per slot must be 0 or more.");
        }

        if (!(Scale > 0) || double.IsInfinity(Scale))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "The scale must be a positive number.");
        }

        if (!(DirtyRate >= 0 && DirtyRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DirtyRate), DirtyRate, "The dirty rate must be between 0 and 1.");
        }
    }
}
