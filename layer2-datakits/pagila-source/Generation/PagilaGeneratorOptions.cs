using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>Options of a <see cref="PagilaGenerator"/>.</summary>
public sealed record PagilaGeneratorOptions
{
    /// <summary>The seed: the same seed and options give identical rows. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Size factor. 1 gives about the real Pagila row counts; the transactional tables (customer, address, inventory,
    /// rental, payment) are multiplied by it, the catalogue tables (film, actor, category, language, city, country,
    /// store, staff and the film links) keep Pagila's size. Must be positive; fractions make small test sources.
    /// </summary>
    public double Scale { get; init; } = 1;

    /// <summary>
    /// Share of bad rows per defect kind: each defect slot of a table (a blank name, an orphan per foreign key, a
    /// malformed email, a negative amount, a return before rental) gets round(rows × rate) rows. 0 (the default) makes
    /// a clean source where every reference resolves. Must be in [0, 1].
    /// </summary>
    public double DirtyRate { get; init; }

    /// <summary>
    /// A demo's handful of bad rows instead of <see cref="DirtyRate"/>: this many per defect slot, at most one row in ten of
    /// a table, and no generated row references a bad one (except the film links of a bad film), so they quarantine almost
    /// nothing beyond themselves. Null (the default): <see cref="DirtyRate"/> applies.
    /// </summary>
    public int? DefectsPerSlot { get; init; }

    internal void Validate() => new SyntheticSourceOptions(Scale, DirtyRate, Seed) { DefectsPerSlot = DefectsPerSlot }.Validate();
}
