using DataPlatform.Framework.TestData;

namespace DataPlatform.Framework.Tests.TestData;

public sealed class DefectPlanTests
{
    private enum Kind
    {
        Blank,
        Orphan,
    }

    [Fact]
    public void A_handful_plants_the_count_per_slot_and_at_most_one_row_in_ten()
    {
        var plan = DefectPlan<Kind>.Handful("t", 1000, 3, 42, [("name", Kind.Blank), ("parent_id", Kind.Orphan)]);
        var capped = DefectPlan<Kind>.Handful("t", 45, 3, 42, [("name", Kind.Blank), ("parent_id", Kind.Orphan)]);
        var tiny = DefectPlan<Kind>.Handful("t", 6, 3, 42, [("name", Kind.Blank)]);

        Assert.Equal([3, 3], Enumerable.Range(0, 1000).Select(plan.SlotOf).Where(s => s >= 0).GroupBy(s => s).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(2, capped.PerSlot); // 45 rows, 2 slots: 4 bad rows at most
        Assert.Equal(4, Enumerable.Range(0, 45).Count(i => capped.SlotOf(i) >= 0));
        Assert.Empty(tiny.Planted());
        Assert.True(plan.IsIsolated);
    }

    [Fact]
    public void References_to_a_handfuls_bad_rows_move_to_the_next_good_row_and_rate_plans_keep_them()
    {
        var handful = DefectPlan<Kind>.Handful("t", 200, 3, 7, [("name", Kind.Blank), ("parent_id", Kind.Orphan)]);
        var rate = new DefectPlan<Kind>("t", 200, 0.03, 7, [("name", Kind.Blank), ("parent_id", Kind.Orphan)]);
        var bad = Enumerable.Range(0, 200).Where(i => handful.SlotOf(i) >= 0).ToList();

        Assert.Equal(6, bad.Count);
        Assert.All(Enumerable.Range(0, 200), i => Assert.True(handful.SlotOf(handful.ReferenceTo(i)) < 0, $"reference to {i} lands on a bad row"));
        Assert.All(Enumerable.Range(0, 200).Where(i => handful.SlotOf(i) < 0), i => Assert.Equal(i, handful.ReferenceTo(i)));
        Assert.All(bad, i => Assert.Equal(Enumerable.Range(1, 200).Select(step => (i + step) % 200).First(j => handful.SlotOf(j) < 0), handful.ReferenceTo(i)));
        Assert.False(rate.IsIsolated);
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(i, rate.ReferenceTo(i)));
    }
}
