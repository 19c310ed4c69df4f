namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>
/// Decides which rows of one table carry which defect: every defect slot (kind + column) gets exactly
/// round(rows × rate) rows (capped so the slots fit), and slots never share a row. Rows are spread over the table by
/// a seeded permutation <c>rank = (index × prime + offset) mod rows</c>, so the decision is stateless and exact.
/// </summary>
internal sealed class DefectPlan
{
    private const long Stride = 1_000_000_007;

    private readonly int _rows;
    private readonly long _offset;

    public DefectPlan(string table, int rows, double rate, int seed, IReadOnlyList<(string Column, DefectKind Kind)> slots)
    {
        _rows = rows;
        Table = table;
        Slots = slots;
        _offset = rows == 0 ? 0 : (long)(RowRandom.For(seed, table, 0).Next(17) % (ulong)rows);
        var perSlot = slots.Count == 0 || rows == 0 ? 0 : (int)Math.Round(rows * rate, MidpointRounding.AwayFromZero);
        PerSlot = slots.Count == 0 ? 0 : Math.Min(perSlot, rows / slots.Count);
    }

    public string Table { get; }

    public IReadOnlyList<(string Column, DefectKind Kind)> Slots { get; }

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

    public IEnumerable<PlantedDefect> Planted() =>
        PerSlot == 0 ? [] : Slots.Select(s => new PlantedDefect(Table, s.Column, s.Kind, PerSlot));
}
