namespace DataPlatform.Framework.TestData;

/// <summary>
/// Decides which rows of one generated table carry which planted defect: every defect slot (column + kind) gets exactly
/// round(rows × rate) rows (capped so the slots fit), and slots never share a row. Rows are spread over the table by a
/// seeded permutation <c>rank = (index × prime + offset) mod rows</c>, so the decision is stateless and exact.
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
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(slots);
        _rows = rows;
        Table = table;
        Slots = slots;
        _offset = rows == 0 ? 0 : (long)(RowRandom.For(seed, table, 0).Next(17) % (ulong)rows);
        var perSlot = slots.Count == 0 || rows == 0 ? 0 : (int)Math.Round(rows * rate, MidpointRounding.AwayFromZero);
        PerSlot = slots.Count == 0 ? 0 : Math.Min(perSlot, rows / slots.Count);
    }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>The defect slots.</summary>
    public IReadOnlyList<(string Column, TKind Kind)> Slots { get; }

    /// <summary>Rows per slot.</summary>
    public int PerSlot { get; }

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

    /// <summary>What the plan plants: one entry per slot, empty when nothing is planted.</summary>
    public IEnumerable<PlantedDefect<TKind>> Planted() =>
        PerSlot == 0 ? [] : Slots.Select(s => new PlantedDefect<TKind>(Table, s.Column, s.Kind, PerSlot));
}
