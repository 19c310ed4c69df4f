namespace DataPlatform.Framework.TestData;

/// <summary>
/// Decides which rows of one generated table carry which planted defect: every defect slot (column + kind) gets exactly
/// round(rows × rate) rows (capped so the slots fit), or a fixed handful of rows (<see cref="Handful"/>), and slots never
/// share a row. Rows are spread over the table by a seeded permutation <c>rank = (index × prime + offset) mod rows</c>, so
/// the decision is stateless and exact.
/// </summary>
/// <typeparam name="TKind">The generator's enum of defect kinds.</typeparam>
public sealed class DefectPlan<TKind>
    where TKind : struct, Enum
{
    private const long Stride = 1_000_000_007;

    private readonly int _rows;
    private readonly long _offset;

    /// <summary>Plans the defects of <paramref name="table"/>.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="rows">The number of rows the table's stream yields.</param>
    /// <param name="rate">The dirty rate, 0 to 1.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="slots">The defects the table can carry: one slot per column and kind.</param>
    public DefectPlan(string table, int rows, double rate, int seed, IReadOnlyList<(string Column, TKind Kind)> slots)
        : this(table, rows, seed, slots, slots is null || slots.Count == 0 || rows == 0 ? 0 : (int)Math.Round(rows * rate, MidpointRounding.AwayFromZero), isolated: false)
    {
    }

    private DefectPlan(string table, int rows, int seed, IReadOnlyList<(string Column, TKind Kind)> slots, int perSlot, bool isolated)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(slots);
        _rows = rows;
        Table = table;
        Slots = slots;
        IsIsolated = isolated;
        _offset = rows == 0 ? 0 : (long)(RowRandom.For(seed, table, 0).Next(17) % (ulong)rows);
        PerSlot = slots.Count == 0 ? 0 : Math.Min(perSlot, rows / slots.Count);
    }

    /// <summary>
    /// Plans a handful of bad rows for a demo: <paramref name="perSlot"/> rows per slot, but never more than one row in ten
    /// of the table (a table too small for that gets none), and the bad rows are isolated: <see cref="ReferenceTo"/> keeps
    /// the generator's references off them, so they quarantine nothing but themselves.
    /// </summary>
    /// <param name="table">The table name.</param>
    /// <param name="rows">The number of rows the table's stream yields.</param>
    /// <param name="perSlot">Bad rows per slot, 0 or more.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="slots">The defects the table can carry: one slot per column and kind.</param>
    public static DefectPlan<TKind> Handful(string table, int rows, int perSlot, int seed, IReadOnlyList<(string Column, TKind Kind)> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentOutOfRangeException.ThrowIfNegative(perSlot);
        var fits = slots.Count == 0 ? 0 : rows / (10 * slots.Count);
        return new DefectPlan<TKind>(table, rows, seed, slots, Math.Min(perSlot, fits), isolated: true);
    }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>The defect slots.</summary>
    public IReadOnlyList<(string Column, TKind Kind)> Slots { get; }

    /// <summary>Rows per slot.</summary>
    public int PerSlot { get; }

    /// <summary>Whether the bad rows are kept free of dependants (<see cref="Handful"/>).</summary>
    public bool IsIsolated { get; }

    /// <summary>The defect slot of the row at 0-based <paramref name="index"/>, or -1 for a clean row.</summary>
    public int SlotOf(int index)
    {
        if (PerSlot == 0)
        {
            return -1;
        }

        var rank = (int)(((index * Stride) + _offset) % _rows);
        var slot = rank / PerSlot;
        return slot < Slots.Count ? slot : -1;
    }

    /// <summary>Whether the row at <paramref name="index"/> carries the defect of <paramref name="column"/>.</summary>
    public bool Has(int index, string column)
    {
        var slot = SlotOf(index);
        return slot >= 0 && string.Equals(Slots[slot].Column, column, StringComparison.Ordinal);
    }

    /// <summary>
    /// Where a generated reference to the row at 0-based <paramref name="index"/> of this table should point: that row, or
    /// for an isolated plan whose row there is bad, the next good row (wrapping), so that bad rows have no dependants.
    /// </summary>
    public int ReferenceTo(int index)
    {
        if (!IsIsolated || PerSlot == 0)
        {
            return index;
        }

        for (var step = 0; step < _rows; step++)
        {
            var candidate = (index + step) % _rows;
            if (SlotOf(candidate) < 0)
            {
                return candidate;
            }
        }

        return index;
    }

    /// <summary>What the plan plants: one entry per slot, empty when nothing is planted.</summary>
    public IEnumerable<PlantedDefect<TKind>> Planted() =>
        PerSlot == 0 ? [] : Slots.Select(s => new PlantedDefect<TKind>(Table, s.Column, s.Kind, PerSlot));
}
